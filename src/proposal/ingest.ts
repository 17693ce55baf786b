/**
 * ingestArticle: the article becomes a Source holding its text (a new one through createSource's
 * own plan, or an existing one), and the extraction's drafts become its proposals. The extraction
 * only reads the graph, so it runs before the write transaction; the transaction stores the source
 * and the proposals and records the audit entry.
 */
import { createHash } from "node:crypto";
import type { IngestArticleInput } from "../__generated__/resolvers.js";
import { requirePermission } from "../auth/credentials.js";
import type { Context } from "../context.js";
import { createSourcePlan } from "../curation/statement.js";
import { checked, curate, lockKey, locking, refused, type CurationTx, type Outcome } from "../curation/transaction.js";
import { UserErrors } from "../curation/userErrors.js";
import type { Article, ProposalDraft } from "../model/proposal.js";
import { storeProposals } from "./store.js";

/** The extraction (src/extract/): the article's stored text from what was sent, and the drafts from that text. */
export interface Extraction {
  /** Throws an error with a `code` (EMPTY, TOO_LARGE, INVALID_ENCODING, BINARY) for text that cannot be an article. */
  articleText: (raw: string) => string;
  extract: (ctx: Context, article: Article) => Promise<ProposalDraft[]>;
}

const INPUT = ["input"];
const MAX_SLUG = 120;

/** A slug of the article's title, publisher and date: "ct-witkoff-in-moscow-dawat-media-center-2025-12-03". */
function slugOf(parts: (string | null | undefined)[]): string {
  const slug = parts
    .filter(Boolean)
    .join(" ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.length <= MAX_SLUG ? slug : slug.slice(0, MAX_SLUG).replace(/-[^-]*$/, "");
}

/** The article's first line, as its title when none is given. */
const firstLine = (text: string) =>
  text
    .split("\n")
    .find((line) => line.trim() !== "")!
    .trim()
    .slice(0, 200);

/** The id of a new source for the article: from its title, publisher and date; from its text when they give no letters. */
const sourceIdFor = (input: Pick<IngestArticleInput, "title" | "publisher" | "publishedOn">, text: string) =>
  slugOf([input.title ?? firstLine(text), input.publisher, input.publishedOn]) || `article-${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;

const STORED_SOURCE = `MATCH (s:Source {id: $id}) RETURN s.text AS text`;
const SET_TEXT = `MATCH (s:Source {id: $id}) SET s.text = $text`;

/** The source the article goes into: the one named (it must exist, and hold this text or none), or a new one. */
async function putSource(tx: CurationTx, input: IngestArticleInput, id: string, text: string): Promise<void> {
  const [stored] = await locking(tx)<{ text: string | null }>(STORED_SOURCE, { id });
  const refuse = (field: string, code: string, message: string) => new UserErrors([{ field: [...INPUT, field], code, message }]);
  if (input.sourceId) {
    if (!stored)
      throw refuse(
        "sourceId",
        "UNKNOWN_REFERENCE",
        `unknown source ${JSON.stringify(id)}: leave sourceId out to create a source for the article, or createSource first`,
      );
    if (stored.text !== null && stored.text !== text)
      throw refuse("text", "TEXT_MISMATCH", `source ${JSON.stringify(id)} holds another text; ingest this article into a new source (leave sourceId out)`);
  } else if (stored && stored.text !== text) {
    throw refuse(
      "title",
      "SOURCE_EXISTS",
      `source ${JSON.stringify(id)} (made of the title, publisher and date) exists and holds ${stored.text === null ? "no" : "another"} text: give sourceId to ingest into it, or a different title`,
    );
  } else if (!stored) {
    const sourceInput = {
      id,
      title: input.title ?? firstLine(text),
      publisher: input.publisher,
      publishedOn: input.publishedOn,
      url: input.url,
      kind: "article",
      note: input.title ? null : "title: the article's first line",
    };
    const plan = createSourcePlan(sourceInput);
    const source = checked(sourceInput, plan.check);
    await tx.lock(plan.locks(source));
    await plan.work(tx, source);
  }
  await tx.run(SET_TEXT, { id, text });
}

export async function ingestArticle(ctx: Context, input: IngestArticleInput, extraction: Extraction): Promise<Outcome> {
  // Before the extraction, which costs: only a writer may ask for it.
  requirePermission(ctx.auth, "write", "The mutation ingestArticle");
  let text: string;
  try {
    text = extraction.articleText(input.text);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== "string") throw error;
    return refused([{ field: [...INPUT, "text"], code, message: (error as Error).message }]);
  }
  const id = input.sourceId ?? sourceIdFor(input, text);
  const drafts = await extraction.extract(ctx, {
    text,
    sourceId: id,
    title: input.title,
    url: input.url,
    publisher: input.publisher,
    publishedOn: input.publishedOn,
  });
  // The audit entry keeps the article's length and hash, not the article itself.
  const audited = { ...input, text: `${text.length} characters, sha256 ${createHash("sha256").update(text).digest("hex")}` };
  return curate(ctx, "ingestArticle", audited, {
    check: () => id,
    locks: () => [lockKey("Source", id)],
    work: async (tx) => {
      await putSource(tx, input, id, text);
      const proposalIds = await storeProposals(tx.run, id, drafts);
      return { id, entityIds: [id, ...proposalIds] };
    },
  });
}

/** `npm run ingest`: ingest a news article from a file, print its proposals, and accept them only when asked. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { AuthState } from "../auth/credentials.js";
import { loadConfig } from "../config.js";
import { createContext, type Context } from "../context.js";
import type { UserError } from "../curation/userErrors.js";
import { openDatabase } from "../db/open.js";
import { articleText } from "../extract/index.js";
import { runScript, UsageError, UserFacingError } from "../script.js";
import { acceptProposals } from "./decide.js";
import { articleExtraction } from "./extraction.js";
import { ingestArticle } from "./ingest.js";
import { proposalsOfSource, type ProposalRecord } from "./store.js";

const usage = `Usage: npm run ingest -- <file> [options]

Ingests a news article into the graph: NEO4J_URI when set, otherwise the local Neo4j (started
for the run and stopped after if it was not running). The article becomes a source holding its
text, and what the text says becomes proposals, printed as a table. Nothing reaches the graph's
facts until a curator accepts it (acceptProposals, or --accept-all here). Ingesting the same file
again changes nothing. docs/ingest.md explains the proposals and their statuses.

Options:
  --title TEXT          the headline (default: the article's first line)
  --publisher NAME      who published it, as printed
  --published DATE      when it was published, YYYY-MM-DD: relative dates ("on Tuesday") are read against it
  --url URL             where it was published
  --source-id ID        ingest into this existing source instead of creating one
  --format FORMAT       text, html or markdown (default: from the file's extension: .html/.htm, .md, else text)
  --accept-all          accept every pending proposal too (writes facts without review);
                        a proposal the graph refuses is left pending and listed with the reason
  --help                show this help`;

const FORMATS = ["text", "html", "markdown"] as const;
type Format = (typeof FORMATS)[number];

function formatOf(file: string, given: string | undefined): Format {
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, got "${given}".`);
    return given as Format;
  }
  const ext = path.extname(file).toLowerCase();
  return ext === ".html" || ext === ".htm" ? "html" : ext === ".md" || ext === ".markdown" ? "markdown" : "text";
}

/** Who the command-line writes as, in the audit trail: the user at this machine. */
const commandLineAuth = (): AuthState => ({
  principal: { actor: `cli:${os.userInfo().username}`, via: "command-line", permissions: ["read", "write"] },
  problem: null,
});

const oneLine = (text: string, width: number) => {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
};

/** The proposals as a table: status, kind, confidence, summary, excerpt and id, one line each. */
function proposalTable(proposals: readonly ProposalRecord[]): string {
  const rows = proposals.map((p) => [
    p.status,
    p.draft.kind,
    p.draft.confidence.toFixed(2),
    oneLine(p.draft.summary, 60),
    `"${oneLine(p.draft.excerpt, 50)}"`,
    p.id,
  ]);
  const header = ["STATUS", "KIND", "CONF", "SUMMARY", "EXCERPT", "ID"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ")).join("\n");
}

const describeErrors = (errors: readonly UserError[]) => errors.map((e) => `  ${e.field.join(".")}: ${e.code}: ${e.message}`).join("\n");

/**
 * Accepts the given proposals in one call; a proposal the graph refuses is left out and the call
 * repeated (its dependents are then refused in turn), so each accepted set is written whole.
 */
async function acceptSet(ctx: Context, given: string[], refused: Map<string, UserError>): Promise<number> {
  let ids = given;
  while (ids.length > 0) {
    const { errors } = await acceptProposals(ctx, { ids });
    if (errors.length === 0) {
      for (const id of ids) refused.delete(id);
      return ids.length;
    }
    const refusedIndexes = new Set(errors.flatMap((e) => (e.field[0] === "ids" ? [Number(e.field[1])] : [])));
    if (refusedIndexes.size === 0) throw new UserFacingError(`The proposals could not be accepted:\n${describeErrors(errors)}`);
    for (const e of errors) refused.set(ids[Number(e.field[1])]!, { ...e, field: [ids[Number(e.field[1])]!] });
    ids = ids.filter((_, i) => !refusedIndexes.has(i));
  }
  return 0;
}

/**
 * Accepts every pending proposal, a meeting's group at a time (mentions outside meetings first), so
 * each transaction stays small; passes repeat while they accept something, as a group can depend
 * on another's new person or place.
 */
async function acceptAll(ctx: Context, sourceId: string): Promise<{ accepted: number; refused: UserError[] }> {
  const refused = new Map<string, UserError>();
  let accepted = 0;
  for (let progress = true; progress;) {
    const pending = (await proposalsOfSource(ctx.db, sourceId)).filter((p) => p.status === "PENDING");
    const groups = new Map<string, string[]>();
    for (const p of pending) groups.set(p.draft.meetingKey ?? "", [...(groups.get(p.draft.meetingKey ?? "") ?? []), p.id]);
    const before = accepted;
    for (const key of [...groups.keys()].sort()) accepted += await acceptSet(ctx, groups.get(key)!, refused);
    progress = accepted > before;
  }
  return { accepted, refused: [...refused.values()] };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: "string" },
      publisher: { type: "string" },
      published: { type: "string" },
      url: { type: "string" },
      "source-id": { type: "string" },
      format: { type: "string" },
      "accept-all": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "Name the article's file." : `Give one file, not ${positionals.length}.`);
  const file = positionals[0]!;
  if (values.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.published))
    throw new UsageError(`--published must be a date like 2025-12-03, got "${values.published}".`);
  const format = formatOf(file, values.format);
  let raw: Buffer;
  try {
    raw = fs.readFileSync(file);
  } catch (error) {
    throw new UserFacingError(`Cannot read ${file}: ${(error as Error).message}. Check the path.`);
  }
  // Before touching the database: a file that is no article writes nothing.
  let text: string;
  try {
    text = articleText(raw, format);
  } catch (error) {
    if (typeof (error as { code?: unknown }).code === "string") throw new UserFacingError(`${file}: ${(error as Error).message}`);
    throw error;
  }

  const { db, close } = await openDatabase(loadConfig(), console.log);
  try {
    const ctx = createContext(db, commandLineAuth());
    const input = { text, title: values.title, publisher: values.publisher, publishedOn: values.published, url: values.url, sourceId: values["source-id"] };
    const { id: sourceId, errors } = await ingestArticle(ctx, input, articleExtraction);
    if (sourceId === null) throw new UserFacingError(`The article was not ingested:\n${describeErrors(errors)}`);
    if (values["accept-all"]) {
      const { accepted, refused } = await acceptAll(ctx, sourceId);
      console.log(`Accepted ${accepted} proposals.`);
      if (refused.length > 0) console.log(`Left pending (refused by the graph; accept them with edits, or reject them):\n${describeErrors(refused)}`);
    }
    const proposals = await proposalsOfSource(db, sourceId);
    console.log(`Source ${sourceId}: ${proposals.length} proposals.\n${proposalTable(proposals)}`);
    if (!values["accept-all"])
      console.log(`\nNothing was written but the source and its proposals. Review them (acceptProposals / rejectProposals), or run again with --accept-all.`);
    return 0;
  } finally {
    await close();
  }
}

runScript(main, usage);

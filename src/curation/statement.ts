/** Curating sources and statements: add a source, a statement with its wordings, another source's wording. */
import type { AddWordingInput, SourceInput, StatementInput } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { compact } from "../graphql/input.js";
import { sourceSchema, statementSchema, wordingSchema, type SeedSource, type SeedStatement, type SeedWording } from "../model/entries.js";
import { STATEMENT_ROWS, statementRow, throwIfMissingPeople, writeSources, writeStatements } from "../db/writes.js";
import { STATEMENTS_BY_ID, STATEMENT_TOPIC_IDS, type StatementRecord } from "../statement/statement.js";
import { INPUT, precisionOfInput } from "./input.js";
import { checkReferences, curate, idRefs, lockKey, locking, type CurationTx, type Reference, type MutationPlan, type Written } from "./transaction.js";
import { Problems, parsed, parseWith, UserErrors } from "./userErrors.js";

// The organization an existing source is published by, kept when the input does not name one.
const PUBLISHED_BY = `MATCH (:Source {id: $id})-[:PUBLISHED_BY]->(o:Organization) RETURN o.id AS id`;

export const createSourcePlan = (input: SourceInput): MutationPlan<SeedSource> => ({
  check: () =>
    parsed(
      sourceSchema,
      {
        ...input,
        publisher: input.publisher ?? null,
        publishedOn: input.publishedOn ?? null,
        datePrecision: input.publishedOn ? precisionOfInput(input.publishedOn) : null,
        url: input.url ?? null,
        // The article file a seed source was read from; sources added through the API have none.
        file: null,
        note: input.note ?? null,
        publishedById: input.publishedById ?? null,
      },
      INPUT,
    ),
  locks: (source) => [lockKey("Source", source.id)],
  work: async (tx, source) => {
    const problems = new Problems();
    await checkReferences(tx, [{ field: [...INPUT, "publishedById"], label: "Organization", id: source.publishedById }], problems);
    problems.throwIfAny();
    const [stored] = input.publishedById === undefined ? await tx.run<{ id: string }>(PUBLISHED_BY, { id: source.id }) : [];
    await writeSources(tx.run, [{ ...source, publishedById: source.publishedById ?? stored?.id ?? null }]);
    return { id: source.id, entityIds: [source.id] };
  },
});

export const createSource = (ctx: Context, input: SourceInput) => curate(ctx, "createSource", input, createSourcePlan(input));

/** A wording's kind: a quote or a paraphrase (the statement's kind unless the wording says). */
const wordingKey = (w: SeedWording, statementQuoted: boolean) => JSON.stringify([w.sourceId, w.quoted ?? statementQuoted]);
const kindOf = (quoted: boolean) => (quoted ? "quote" : "paraphrase");

/** The schema's checks plus: one quote and one paraphrase per source, and the canonical text is one of the wordings word for word. */
function checkStatement(raw: unknown): SeedStatement {
  const problems = new Problems();
  const statement = parseWith(statementSchema, raw, INPUT, problems);
  if (statement) {
    const kinds = new Set<string>();
    statement.wordings.forEach((w, i) => {
      const key = wordingKey(w, statement.quoted);
      if (kinds.has(key))
        problems.add(
          [...INPUT, "wordings", i, "sourceId"],
          "DUPLICATE",
          `a second ${kindOf(w.quoted ?? statement.quoted)} from source ${JSON.stringify(w.sourceId)}; keep at most one quote and one paraphrase per source`,
        );
      kinds.add(key);
    });
    if (!statement.wordings.some((w) => w.text === statement.text))
      problems.add([...INPUT, "text"], "INVALID", "the canonical text must be one of the wordings, word for word");
  }
  problems.throwIfAny();
  return statement!;
}

/** A subquery writing `$rows` (statementRow's) as the seed does (STATEMENT_ROWS), answering the people it could not find (`statementsMissing`). */
const WRITE_STATEMENT_ROWS = `
CALL () {${STATEMENT_ROWS}
  WITH collect(missing) AS lists
  RETURN reduce(people = [], missing IN lists | people + missing) AS statementsMissing
}`;

/**
 * A statement written after what `$id`'s description replaces (who said it, where, at which
 * meeting, about what; its wordings stay): one statement answering the ids it was tied to before
 * (`formerIds`) and the people it could not find (`missing`).
 */
const PUT_STATEMENT = `
CALL () {
  OPTIONAL MATCH (st:Statement {id: $id})
  CALL (st) { MATCH (n)-[x:SAID]->(st) DELETE x RETURN collect(n.id) AS speakers }
  CALL (st) { MATCH (st)-[x:IN_CONTEXT_OF|MADE_IN|ABOUT]->(n) DELETE x RETURN collect(CASE WHEN n:Meeting THEN n.id END) AS meetings }
  RETURN speakers + meetings AS formerIds
}
${WRITE_STATEMENT_ROWS}
RETURN formerIds, statementsMissing AS missing`;

const statementReferences = (statement: SeedStatement): Reference[] => [
  { field: [...INPUT, "speakerId"], label: "Person", id: statement.speakerId },
  { field: [...INPUT, "meetingId"], label: "Meeting", id: statement.meetingId },
  { field: [...INPUT, "placeId"], label: "Place", id: statement.placeId },
  ...idRefs([...INPUT, "topicIds"], "Topic", statement.topicIds),
  ...statement.wordings.map((w, i) => ({ field: [...INPUT, "wordings", i, "sourceId"], label: "Source" as const, id: w.sourceId })),
];

/** addStatement's checks against the graph (throws UserErrors), its row to write and the ids it writes. */
async function checkedStatement(tx: CurationTx, statement: SeedStatement) {
  const problems = new Problems();
  await checkReferences(tx, statementReferences(statement), problems);
  problems.throwIfAny();
  const row = statementRow(statement);
  return { row, entityIds: [statement.id, ...row.wordings.map((w) => w.id)] };
}

async function putStatement(tx: CurationTx, statement: SeedStatement): Promise<Written> {
  const { row, entityIds } = await checkedStatement(tx, statement);
  const [put] = await tx.runAudited<{ formerIds: string[]; missing: string[] }>(PUT_STATEMENT, { id: statement.id, rows: [row] }, entityIds);
  throwIfMissingPeople([put!]);
  // The speaker and meeting it leaves: their lists of statements lose it. (Places and topics are hubs, whose lists every write drops.)
  const left = put!.formerIds.filter((id) => id !== statement.speakerId && id !== statement.meetingId);
  return { id: statement.id, entityIds, relinkedIds: left };
}

/**
 * New statements of one transaction's steps (acceptProposals), each checked at its step's turn
 * as addStatement checks it, and written with the transaction's next write (`flush`, or its last
 * statement, `write`) rather than in a statement of its own. A new statement has nothing to clear,
 * and a step after it that could read it flushes first.
 */
export class NewStatements {
  private rows: ReturnType<typeof statementRow>[] = [];

  /** Checks new statement `statement` (throws UserErrors) and keeps it; what it will have written. */
  async add(tx: CurationTx, statement: SeedStatement): Promise<Written> {
    const { row, entityIds } = await checkedStatement(tx, statement);
    this.rows.push(row);
    return { id: statement.id, entityIds, relinkedIds: [] };
  }

  /** Writes the statements kept, if any, in a statement of their own. */
  async flush(tx: CurationTx): Promise<void> {
    if (this.rows.length === 0) return;
    const { cypher, params } = this.take();
    const [row] = await tx.run<{ statementsMissing: string[] }>(`${cypher}\nRETURN statementsMissing`, params);
    throwIfMissingPeople([{ missing: row!.statementsMissing }]);
  }

  /** The statements kept, as a subquery answering `statementsMissing` (for throwIfMissingPeople) and its parameters, to write with other writes; none are kept after. */
  take(): { cypher: string; params: { rows: ReturnType<typeof statementRow>[] } } {
    const rows = this.rows;
    this.rows = [];
    return { cypher: WRITE_STATEMENT_ROWS, params: { rows } };
  }
}

export const addStatementPlan = (input: StatementInput): MutationPlan<SeedStatement> & { statement: (value: SeedStatement) => SeedStatement } => ({
  check: () =>
    checkStatement({
      ...input,
      saidOn: input.saidOn ?? null,
      datePrecision: input.saidOn ? precisionOfInput(input.saidOn) : null,
      meetingId: input.meetingId ?? null,
      placeId: input.placeId ?? null,
      occasion: input.occasion ?? null,
      topicIds: input.topicIds ?? [],
      // Omitted (or null) fields are left out, so the seed schema's defaults apply.
      wordings: input.wordings.map((w) => compact(w)),
    }),
  locks: (statement) => [lockKey("Statement", statement.id), lockKey("Person", statement.speakerId)],
  work: putStatement,
  references: statementReferences,
  statement: (statement) => statement,
});

export const addStatement = (ctx: Context, input: StatementInput) => curate(ctx, "addStatement", input, addStatementPlan(input));

// Everything a wording holds, so writing the statement again keeps how each source gave it.
const STORED_WORDINGS = `
UNWIND $ids AS id
MATCH (:Statement {id: id})-[:HAS_WORDING]->(w:Wording)-[:FROM]->(source:Source)
WITH id, w, source ORDER BY w.id
RETURN id, collect({sourceId: source.id, text: w.text, quoted: w.quoted, attributedTo: w.attributedTo,
                    basis: coalesce(w.basis, "STATED"), note: w.note}) AS items`;

/** The stored statement in the shape of the input, from the read API's own Cypher; null when there is none. */
async function statementState(tx: CurationTx, id: string): Promise<SeedStatement | null> {
  const ids = [id];
  const [found] = await locking(tx)<{ node: StatementRecord }>(STATEMENTS_BY_ID, { ids });
  if (!found) return null;
  const { speakerId, saidOn, datePrecision, meetingId, placeId, occasion, quoted, text } = found.node;
  const [topics] = await tx.run<{ items: string[] }>(STATEMENT_TOPIC_IDS, { ids });
  const [wordings] = await tx.run<{ items: SeedStatement["wordings"] }>(STORED_WORDINGS, { ids });
  return {
    id,
    speakerId,
    saidOn,
    datePrecision,
    meetingId,
    placeId,
    occasion,
    quoted,
    text,
    topicIds: topics?.items ?? [],
    wordings: wordings?.items ?? [],
  };
}

export const addWordingPlan = (input: AddWordingInput): MutationPlan<{ statementId: string; wording: SeedWording }> => ({
  check: () => ({ statementId: input.statementId, wording: parsed(wordingSchema, compact(input.wording), [...INPUT, "wording"]) }),
  locks: ({ statementId }) => [lockKey("Statement", statementId)],
  work: async (tx, { statementId, wording }) => {
    const statement = await statementState(tx, statementId);
    if (!statement) throw new UserErrors([{ field: [...INPUT, "statementId"], code: "NOT_FOUND", message: `no statement ${JSON.stringify(statementId)}` }]);
    const problems = new Problems();
    await checkReferences(tx, [{ field: [...INPUT, "wording", "sourceId"], label: "Source", id: wording.sourceId }], problems);
    const key = wordingKey(wording, statement.quoted);
    const existing = statement.wordings.find((w) => wordingKey(w, statement.quoted) === key);
    if (existing && existing.text !== wording.text) {
      const kind = kindOf(wording.quoted ?? statement.quoted);
      problems.add(
        [...INPUT, "wording", "sourceId"],
        "DUPLICATE",
        `source ${JSON.stringify(wording.sourceId)} already has a ${kind} of this statement; keep at most one quote and one paraphrase per source`,
      );
    }
    problems.throwIfAny();
    const wordings = existing ? statement.wordings.map((w) => (w === existing ? wording : w)) : [...statement.wordings, wording];
    const entityIds = [
      statementId,
      ...statementRow({ ...statement, wordings })
        .wordings.filter((w) => w.sourceId === wording.sourceId)
        .map((w) => w.id),
    ];
    await writeStatements((cypher, params = {}) => tx.runAudited(cypher, params, entityIds), [{ ...statement, wordings }]);
    return { id: statementId, entityIds };
  },
});

export const addWording = (ctx: Context, input: AddWordingInput) => curate(ctx, "addWording", input, addWordingPlan(input));

/** Curating sources and statements: add a source, a statement with its wordings, another source's wording. */
import type { AddWordingInput, SourceInput, StatementInput } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { sourceSchema, statementSchema, wordingSchema, type SeedStatement } from "../ingest/seedFiles.js";
import { writeSources, writeStatements } from "../ingest/writeGraph.js";
import { STATEMENTS_BY_ID, STATEMENT_TOPIC_IDS, type StatementRecord } from "../statement/statement.js";
import { INPUT, precisionOfInput } from "./input.js";
import { checkReferences, curate, idRefs, lockKey, type CurationTx, type Written } from "./transaction.js";
import { Problems, parsed, parseWith, UserErrors } from "./userErrors.js";

export const createSource = (ctx: Context, input: SourceInput) =>
  curate(ctx, "createSource", input, {
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
        },
        INPUT,
      ),
    locks: (source) => [lockKey("Source", source.id)],
    work: async (tx, source) => {
      await writeSources(tx.run, [source]);
      return { id: source.id, entityIds: [source.id] };
    },
  });

/** The schema's checks plus: one wording per source, and the canonical text is one of the wordings word for word. */
function checkStatement(raw: unknown): SeedStatement {
  const problems = new Problems();
  const statement = parseWith(statementSchema, raw, INPUT, problems);
  if (statement) {
    const sources = new Set<string>();
    statement.wordings.forEach((w, i) => {
      if (sources.has(w.sourceId)) problems.add([...INPUT, "wordings", i, "sourceId"], "DUPLICATE", `a second wording from source ${JSON.stringify(w.sourceId)}; keep at most one wording per source`);
      sources.add(w.sourceId);
    });
    if (!statement.wordings.some((w) => w.text === statement.text)) problems.add([...INPUT, "text"], "INVALID", "the canonical text must be one of the wordings, word for word");
  }
  problems.throwIfAny();
  return statement!;
}

// What a statement's description replaces: who said it, where, at which meeting, about what. Wordings stay.
const CLEAR_STATEMENT = `
MATCH (st:Statement {id: $id})
CALL (st) { MATCH ()-[x:SAID]->(st) DELETE x }
CALL (st) { MATCH (st)-[x:IN_CONTEXT_OF|MADE_IN|ABOUT]->() DELETE x }`;

async function putStatement(tx: CurationTx, statement: SeedStatement): Promise<Written> {
  const problems = new Problems();
  await checkReferences(
    tx,
    [
      { field: [...INPUT, "speakerId"], label: "Person", id: statement.speakerId },
      { field: [...INPUT, "meetingId"], label: "Meeting", id: statement.meetingId },
      { field: [...INPUT, "placeId"], label: "Place", id: statement.placeId },
      ...idRefs([...INPUT, "topicIds"], "Topic", statement.topicIds),
      ...statement.wordings.map((w, i) => ({ field: [...INPUT, "wordings", i, "sourceId"], label: "Source" as const, id: w.sourceId })),
    ],
    problems,
  );
  problems.throwIfAny();
  await tx.run(CLEAR_STATEMENT, { id: statement.id });
  await writeStatements(tx.run, [statement]);
  return { id: statement.id, entityIds: [statement.id, ...statement.wordings.map((w) => `${statement.id}#${w.sourceId}`)] };
}

export const addStatement = (ctx: Context, input: StatementInput) =>
  curate(ctx, "addStatement", input, {
    check: () =>
      checkStatement({
        ...input,
        saidOn: input.saidOn ?? null,
        datePrecision: input.saidOn ? precisionOfInput(input.saidOn) : null,
        meetingId: input.meetingId ?? null,
        placeId: input.placeId ?? null,
        occasion: input.occasion ?? null,
        topicIds: input.topicIds ?? [],
      }),
    locks: (statement) => [lockKey("Statement", statement.id), lockKey("Person", statement.speakerId)],
    work: putStatement,
  });

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
  const [found] = await tx.run<{ node: StatementRecord }>(STATEMENTS_BY_ID, { ids });
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

export const addWording = (ctx: Context, input: AddWordingInput) =>
  curate(ctx, "addWording", input, {
    check: () => ({ statementId: input.statementId, wording: parsed(wordingSchema, input.wording, [...INPUT, "wording"]) }),
    locks: ({ statementId }) => [lockKey("Statement", statementId)],
    work: async (tx, { statementId, wording }) => {
      const statement = await statementState(tx, statementId);
      if (!statement) throw new UserErrors([{ field: [...INPUT, "statementId"], code: "NOT_FOUND", message: `no statement ${JSON.stringify(statementId)}` }]);
      const problems = new Problems();
      await checkReferences(tx, [{ field: [...INPUT, "wording", "sourceId"], label: "Source", id: wording.sourceId }], problems);
      const existing = statement.wordings.find((w) => w.sourceId === wording.sourceId);
      if (existing && existing.text !== wording.text) {
        problems.add([...INPUT, "wording", "sourceId"], "DUPLICATE", `source ${JSON.stringify(wording.sourceId)} already has a wording of this statement; keep at most one wording per source`);
      }
      problems.throwIfAny();
      const entityIds = [statementId, `${statementId}#${wording.sourceId}`];
      if (!existing) await writeStatements(tx.run, [{ ...statement, wordings: [...statement.wordings, wording] }]);
      return { id: statementId, entityIds };
    },
  });

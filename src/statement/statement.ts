/** Statements: the record, their wordings, and the statements connection. */
import type { EvidenceBasis, StatementFilter } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, connectionLoader, relatedIds } from "../db/connections.js";
import { compact, normalizedCypher, searchText } from "../graphql/input.js";
import { listsById, nodesById } from "../db/loaders.js";
import type { Connection, Edge, PageKey } from "../db/pagination.js";
import { dayRange } from "../graphql/scalars.js";
import type { DatePrecision } from "../model/dates.js";

export interface StatementRecord {
  id: string;
  text: string;
  saidOn: string | null;
  datePrecision: DatePrecision | null;
  occasion: string | null;
  quoted: boolean;
  speakerId: string;
  meetingId: string | null;
  placeId: string | null;
}
export type StatementConnectionRecord = Connection<StatementRecord>;
export type StatementEdgeRecord = Edge<StatementRecord>;

export interface WordingRecord {
  id: string;
  text: string;
  sourceId: string;
  quoted: boolean;
  attributedTo: string | null;
  basis: EvidenceBasis;
  note: string | null;
}

export type StatementFilterParams = ReturnType<typeof statementFilter>;

export function statementFilter(input: StatementFilter | null | undefined, argument = "filter") {
  const filter = input ?? {};
  return compact({ ...filter, text: searchText(filter.text), ...dayRange(filter.from, filter.to, argument) });
}

/** Projects statement `s` into a StatementRecord. */
export const STATEMENT_FIELDS = `s {
  .id, .text, .saidOn, .datePrecision, .occasion,
  quoted: coalesce(s.quoted, false),
  speakerId: [(speaker:Person)-[:SAID]->(s) | speaker.id][0],
  meetingId: [(s)-[:IN_CONTEXT_OF]->(m:Meeting) | m.id][0],
  placeId: [(s)-[:MADE_IN]->(place:Place) | place.id][0]
}`;

export const STATEMENTS_BY_ID = byIdCypher("s", "Statement", STATEMENT_FIELDS);

/**
 * A speaker's statements are reached from the speaker (a person page's list): tested one by one,
 * every statement in the graph was read for each page. A statement said in a month matches any
 * range that reaches into that month.
 */
const statementMatch = ({ filter }: PageKey<StatementFilterParams>) => `
MATCH ${filter.speakerId === undefined ? "(s:Statement)" : "(:Person {id: f.speakerId})-[:SAID]->(s:Statement)"}
WHERE (f.meetingId IS NULL OR EXISTS { (s)-[:IN_CONTEXT_OF]->(:Meeting {id: f.meetingId}) })
  AND (f.topicId IS NULL OR EXISTS { (s)-[:ABOUT]->(:Topic {id: f.topicId}) })
  AND (f.sourceId IS NULL OR EXISTS { (s)-[:HAS_WORDING]->(:Wording)-[:FROM]->(:Source {id: f.sourceId}) })
  AND (f.from IS NULL OR s.saidOnEnd >= date(f.from))
  AND (f.to IS NULL OR s.saidOnStart <= date(f.to))
  AND (f.text IS NULL OR ${normalizedCypher("s.text")} CONTAINS f.text
       OR EXISTS { (s)-[:HAS_WORDING]->(w:Wording) WHERE ${normalizedCypher("w.text")} CONTAINS f.text })`;

/**
 * The canonical wording first, then by source, a source's quote before its paraphrase. A wording
 * stored before wordings had their own `quoted` is as the statement is.
 */
export const WORDINGS = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})-[:HAS_WORDING]->(w:Wording)-[:FROM]->(source:Source)
WITH id, s, w, source, coalesce(w.quoted, s.quoted, false) AS quoted
ORDER BY w.text = s.text DESC, source.id, quoted DESC
RETURN id, collect({
  id: w.id, text: w.text, sourceId: source.id, quoted: quoted,
  attributedTo: w.attributedTo, basis: coalesce(w.basis, 'STATED'), note: w.note
}) AS items`;

export const STATEMENT_TOPIC_IDS = relatedIds("(:Statement {id: id})-[:ABOUT]->(x:Topic)", "x.name, x.id");

export function createStatementLoaders(db: Neo4jExecutor) {
  return {
    statementById: nodesById<StatementRecord>(db, "statements.byId", STATEMENTS_BY_ID),
    statementConnection: connectionLoader<StatementFilterParams, StatementRecord>(db, "statements", {
      node: "s",
      match: statementMatch,
      order: [{ by: "s.saidOnStart" }, { by: "s.id" }],
      fields: STATEMENT_FIELDS,
    }),
    statementWordings: listsById<WordingRecord>(db, "statements.wordings", WORDINGS),
    statementTopicIds: listsById<string>(db, "statements.topicIds", STATEMENT_TOPIC_IDS),
    statementSourceIds: listsById<string>(
      db,
      "statements.sourceIds",
      relatedIds("(:Statement {id: id})-[:HAS_WORDING]->(:Wording)-[:FROM]->(x:Source)", "x.id"),
    ),
  };
}

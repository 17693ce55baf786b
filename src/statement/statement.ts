/** Statements: the record, their wordings, and the statements connection. */
import type { EvidenceBasis, StatementFilter } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import type { Context } from "../context.js";
import { byIdCypher, connectionLoader, listsOfCypher, ownEntry, relatedIds } from "../db/connections.js";
import { compact, normalizedCypher, searchText } from "../graphql/input.js";
import { listsById, nodesById } from "../db/loaders.js";
import { loadPage, pageRequest, type Connection, type Edge, type PageArgs, type PageKey } from "../db/pagination.js";
import { selects, type Selection } from "../graphql/lookahead.js";
import { MEETING_FIELDS, type MeetingRecord } from "../meeting/meeting.js";
import { PERSON_FIELDS, type PersonRecord } from "../person/person.js";
import { PLACE_FIELDS, type PlaceRecord } from "../place/place.js";
import { sourceFields, type SourceRecord } from "../source/source.js";
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

/** Projects statement `s` into a StatementRecord, with the parts of a page given (see STATEMENT_PAGE_PARTS). */
const statementFields = (parts: string[]) => `s {
  .id, .text, .saidOn, .datePrecision, .occasion,
  quoted: coalesce(s.quoted, false),
  speakerId: [(speaker:Person)-[:SAID]->(s) | speaker.id][0],
  meetingId: [(s)-[:IN_CONTEXT_OF]->(m:Meeting) | m.id][0],
  placeId: [(s)-[:MADE_IN]->(place:Place) | place.id][0]${parts.map((part) => `,\n  ${part}`).join("")}
}`;

export const STATEMENT_FIELDS = statementFields([]);

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
 * The wordings of statement `s`: the canonical wording first, then by source, a source's quote
 * before its paraphrase. A wording stored before wordings had their own `quoted` is as the
 * statement is.
 */
const WORDINGS_OF_STATEMENT = `COLLECT {
  MATCH (s)-[:HAS_WORDING]->(w:Wording)-[:FROM]->(source:Source)
  WITH s, w, source, coalesce(w.quoted, s.quoted, false) AS quoted
  ORDER BY w.text = s.text DESC, source.id, quoted DESC
  RETURN {
    id: w.id, text: w.text, sourceId: source.id, quoted: quoted,
    attributedTo: w.attributedTo, basis: coalesce(w.basis, 'STATED'), note: w.note
  }
}`;

/**
 * What a page of statements reads with each statement when its client selected the field below
 * it (a dotted path): the records the field's loader would read by id, primed into that loader
 * (see primeStatement), so a page with its wordings, speakers and meetings costs one statement.
 */
const STATEMENT_PAGE_PARTS = {
  wordings: `wordings: ${WORDINGS_OF_STATEMENT}`,
  "wordings.source": `wordingSources: COLLECT {
    MATCH (s)-[:HAS_WORDING]->(:Wording)-[:FROM]->(source:Source)
    WITH DISTINCT source
    RETURN ${sourceFields("source")}
  }`,
  speaker: `speaker: COLLECT { MATCH (p:Person)-[:SAID]->(s) RETURN ${PERSON_FIELDS} }[0]`,
  meeting: `meeting: COLLECT { MATCH (s)-[:IN_CONTEXT_OF]->(m:Meeting) RETURN ${MEETING_FIELDS} }[0]`,
  place: `place: COLLECT { MATCH (s)-[:MADE_IN]->(p:Place) RETURN ${PLACE_FIELDS} }[0]`,
};
export type StatementPagePart = keyof typeof STATEMENT_PAGE_PARTS;
const STATEMENT_PAGE_PART_NAMES = Object.keys(STATEMENT_PAGE_PARTS) as StatementPagePart[];

/** A statement as a page read it: the record, and the parts its client selected. */
export interface StatementPageRecord extends StatementRecord {
  wordings?: WordingRecord[];
  wordingSources?: SourceRecord[];
  speaker?: PersonRecord | null;
  meeting?: MeetingRecord | null;
  place?: PlaceRecord | null;
}

/** Projects statement `s` with the page parts named in `include`; a name that is no part reads nothing more. */
export const statementPageFields = (include: readonly string[]) => statementFields(include.flatMap((name) => ownEntry(STATEMENT_PAGE_PARTS, name) ?? []));

/** Gives each loader what a page read with statement `record`, and returns the statement's own record. */
export function primeStatement(
  loaders: Context["loaders"],
  { wordings, wordingSources, speaker, meeting, place, ...statement }: StatementPageRecord,
): StatementRecord {
  loaders.statementById.prime(statement.id, statement);
  if (wordings) loaders.statementWordings.prime(statement.id, wordings);
  for (const source of wordingSources ?? []) loaders.sourceById.prime(source.id, source);
  if (speaker) loaders.personById.prime(speaker.id, speaker);
  if (meeting) loaders.meetingById.prime(meeting.id, meeting);
  if (place) loaders.placeById.prime(place.id, place);
  return statement;
}

/** The page parts selected below a statement at `path` (["edges", "node"] under a connection). */
export const selectedStatementParts = (info: Selection, path: string[]) =>
  STATEMENT_PAGE_PART_NAMES.filter((part) => selects(info, [...path, ...part.split(".")]));

/** The page a StatementConnection field reads: each statement with the parts its client selected below it, in the page's one statement. */
export const statementPageRequest = (loaders: Context["loaders"], filter: StatementFilterParams, args: PageArgs, info: Selection) =>
  pageRequest(loaders.statementConnection, filter, args, info, undefined, selectedStatementParts(info, ["edges", "node"]));

/** A StatementConnection field's page (see statementPageRequest). */
export async function loadStatementConnection(
  loaders: Context["loaders"],
  filter: StatementFilterParams,
  args: PageArgs,
  info: Selection,
): Promise<StatementConnectionRecord> {
  const connection = await loadPage(statementPageRequest(loaders, filter, args, info));
  return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: primeStatement(loaders, edge.node) })) };
}

export const STATEMENT_TOPIC_IDS = relatedIds("(:Statement {id: id})-[:ABOUT]->(x:Topic)", "x.name, x.id");

export function createStatementLoaders(db: Neo4jExecutor) {
  return {
    statementById: nodesById<StatementRecord>(db, "statements.byId", STATEMENTS_BY_ID),
    statementConnection: connectionLoader<StatementFilterParams, StatementPageRecord>(db, "statements", {
      node: "s",
      match: statementMatch,
      order: [{ by: "s.saidOnStart" }, { by: "s.id" }],
      fields: ({ include }) => statementPageFields(include ?? []),
    }),
    statementWordings: listsById<WordingRecord>(db, "statements.wordings", listsOfCypher("s", "Statement", WORDINGS_OF_STATEMENT)),
    statementTopicIds: listsById<string>(db, "statements.topicIds", STATEMENT_TOPIC_IDS),
    statementSourceIds: listsById<string>(
      db,
      "statements.sourceIds",
      relatedIds("(:Statement {id: id})-[:HAS_WORDING]->(:Wording)-[:FROM]->(x:Source)", "x.id"),
    ),
  };
}

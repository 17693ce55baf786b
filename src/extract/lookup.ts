/**
 * What extraction asks the graph: who and what a phrase names, which meetings the same people
 * had around a date, and what a speaker already said. Batched (one statement per question, for
 * all phrases at once), read-only, parameterized, and through indexes only: the full-text index
 * for names and aliases, the people's id index for meetings and statements.
 */
import type { Neo4jExecutor } from "../db/executor.js";
import { normalize } from "./text.js";

export interface PersonCandidate {
  id: string;
  name: string;
  aliases: string[];
  roleTitles: string[];
  countryIds: string[];
}

export interface PlaceCandidate {
  id: string;
  name: string;
  kind: string;
  /** Its containers, nearest first, ending at a country id. */
  withinIds: string[];
}

/** Where a stored fact comes from, to tell this article's facts from others'. */
export interface SourceRef {
  id: string;
  url: string | null;
  title: string | null;
}

export interface MeetingCandidate {
  id: string;
  title: string;
  date: string;
  dateStart: string;
  dateEnd: string;
  placeId: string | null;
  participantIds: string[];
  durations: { id: string; wording: string | null; minutes: number | null; minMinutes: number | null; maxMinutes: number | null; source: SourceRef | null }[];
  claims: { id: string; field: string; value: string | null; source: SourceRef | null }[];
}

export interface StatementCandidate {
  id: string;
  speakerId: string;
  text: string;
  wordings: { text: string; source: SourceRef | null }[];
}

export interface MeetingQuery {
  personIds: string[];
  /** The days to look in, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
}

export interface GraphLookup {
  /** For each phrase, the people whose name or an alias is that phrase (case, spacing and apostrophes aside). */
  people(phrases: string[]): Promise<Map<string, PersonCandidate[]>>;
  /** For each phrase, the places whose name is that phrase, or contains all its words. */
  places(phrases: string[]): Promise<Map<string, PlaceCandidate[]>>;
  /** For each query, the meetings in its days that any of its people attended. */
  meetings(queries: MeetingQuery[]): Promise<MeetingCandidate[][]>;
  /** What these people said, with every wording. */
  statements(speakerIds: string[]): Promise<StatementCandidate[]>;
}

// Lucene's query syntax would read these as operators; names need none of them.
const luceneTerms = (phrase: string) =>
  phrase
    .replace(/[^\p{L}\p{N}\s'’.-]/gu, " ")
    .replace(/[.'’-]/g, " ")
    .trim();

/** The nodes with `label` whose searchable names hold each phrase, then `returns` per node. */
const byName = (returns: string) => `
UNWIND $phrases AS phrase
CALL (phrase) {
  CALL db.index.fulltext.queryNodes('meetgraph_search', phrase.query) YIELD node
  WHERE $label IN labels(node)
  RETURN node LIMIT 25
}
RETURN phrase.text AS phrase, ${returns}`;

const PEOPLE = byName(`node.id AS id, node.name AS name, coalesce(node.aliases, []) AS aliases,
  COLLECT { MATCH (node)-[:HOLDS]->(r:Role) RETURN r.title } AS roleTitles,
  COLLECT { MATCH (node)-[:OF_COUNTRY]->(c:Country) RETURN c.id } AS countryIds`);

const PLACES = byName(`node.id AS id, node.name AS name, node.kind AS kind,
  COLLECT { MATCH path = (node)-[:WITHIN*1..6]->(:Country) UNWIND nodes(path)[1..] AS c RETURN c.id } AS withinIds`);

const SOURCE = (v: string) => `CASE WHEN ${v} IS NULL THEN null ELSE {id: ${v}.id, url: ${v}.url, title: ${v}.title} END`;

const MEETINGS = `
UNWIND range(0, size($queries) - 1) AS i
WITH i, $queries[i] AS q
CALL (q) {
  UNWIND q.personIds AS personId
  MATCH (:Person {id: personId})-[:ATTENDED]->(m:Meeting)
  WHERE m.dateStart <= date(q.to) AND m.dateEnd >= date(q.from)
  RETURN DISTINCT m
}
RETURN i, m.id AS id, m.title AS title, m.date AS date, toString(m.dateStart) AS dateStart, toString(m.dateEnd) AS dateEnd,
  COLLECT { MATCH (m)-[:HELD_AT]->(p:Place) RETURN p.id }[0] AS placeId,
  COLLECT { MATCH (p:Person)-[:ATTENDED]->(m) RETURN p.id } AS participantIds,
  COLLECT { MATCH (m)-[:HAS_DURATION]->(d) WHERE d.retractedAt IS NULL OPTIONAL MATCH (d)-[:FROM]->(s:Source)
            RETURN {id: d.id, wording: d.wording, minutes: d.minutes, minMinutes: d.minMinutes, maxMinutes: d.maxMinutes, source: ${SOURCE("s")}} } AS durations,
  COLLECT { MATCH (m)-[:HAS_CLAIM]->(c) WHERE c.retractedAt IS NULL AND NOT c:DurationClaim OPTIONAL MATCH (c)-[:FROM]->(s:Source)
            RETURN {id: c.id, field: c.field, value: c.value, source: ${SOURCE("s")}} } AS claims`;

const STATEMENTS = `
UNWIND $speakerIds AS speakerId
MATCH (:Person {id: speakerId})-[:SAID]->(st:Statement)
RETURN st.id AS id, speakerId, st.text AS text,
  COLLECT { MATCH (st)-[:HAS_WORDING]->(w) OPTIONAL MATCH (w)-[:FROM]->(s:Source) RETURN {text: w.text, source: ${SOURCE("s")}} } AS wordings`;

function byPhrase<T extends { id: string }>(
  phrases: string[],
  rows: (T & { phrase: string })[],
  matches: (phrase: string, row: T) => boolean,
): Map<string, T[]> {
  const result = new Map<string, T[]>(phrases.map((p) => [p, []]));
  for (const { phrase, ...row } of rows) {
    const candidate = row as unknown as T;
    const found = result.get(phrase);
    if (found && matches(phrase, candidate) && !found.some((f) => f.id === candidate.id)) found.push(candidate);
  }
  return result;
}

const phraseParams = (phrases: string[]) =>
  phrases.flatMap((text) => {
    const terms = luceneTerms(text);
    return terms === "" ? [] : [{ text, query: `"${terms}"` }];
  });

export function neo4jLookup(db: Neo4jExecutor): GraphLookup {
  return {
    async people(phrases) {
      const unique = [...new Set(phrases)];
      const rows =
        unique.length === 0
          ? []
          : await db.read<PersonCandidate & { phrase: string }>("extract.people", PEOPLE, { phrases: phraseParams(unique), label: "Person" });
      return byPhrase(unique, rows, (phrase, p) => [p.name, ...p.aliases].some((n) => normalize(n) === normalize(phrase)));
    },
    async places(phrases) {
      const unique = [...new Set(phrases)];
      const rows =
        unique.length === 0
          ? []
          : await db.read<PlaceCandidate & { phrase: string }>("extract.places", PLACES, { phrases: phraseParams(unique), label: "Place" });
      return byPhrase(unique, rows, () => true);
    },
    async meetings(queries) {
      const result: MeetingCandidate[][] = queries.map(() => []);
      if (queries.length === 0) return result;
      const rows = await db.read<MeetingCandidate & { i: unknown }>("extract.meetings", MEETINGS, { queries });
      for (const { i, ...m } of rows) result[Number(i)]?.push(m);
      return result;
    },
    async statements(speakerIds) {
      const unique = [...new Set(speakerIds)];
      return unique.length === 0 ? [] : db.read<StatementCandidate>("extract.statements", STATEMENTS, { speakerIds: unique });
    },
  };
}

/** Sources: the reports every fact names. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, relatedIds } from "../db/connections.js";
import { listsById, nodesById, readNodes } from "../db/loaders.js";
import type { DatePrecision } from "../model/dates.js";

export interface SourceRecord {
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  datePrecision: DatePrecision | null;
  url: string | null;
  kind: string | null;
  note: string | null;
  publishedById: string | null;
}

/** Projects the source bound to `variable` into a SourceRecord: where `s` already names a statement, a source is another name. */
export const sourceFields = (variable: string) =>
  `${variable} {.id, .title, .publisher, .publishedOn, .datePrecision, .url, .kind, .note, publishedById: [(${variable})-[:PUBLISHED_BY]->(o:Organization) | o.id][0]}`;
export const SOURCE_FIELDS = sourceFields("s");

const SOURCES_BY_ID = byIdCypher("s", "Source", SOURCE_FIELDS);

const ALL_SOURCES = `
MATCH (s:Source)
RETURN ${SOURCE_FIELDS} AS node ORDER BY s.id`;

export function createSourceLoaders(db: Neo4jExecutor) {
  return {
    sourceById: nodesById<SourceRecord>(db, "sources.byId", SOURCES_BY_ID),
    sourceStatementIds: listsById<string>(
      db,
      "sources.statementIds",
      relatedIds("(x:Statement)-[:HAS_WORDING]->(:Wording)-[:FROM]->(:Source {id: id})", "x.saidOnStart, x.id"),
    ),
  };
}

export const allSources = (db: Neo4jExecutor) => readNodes<SourceRecord>(db, "sources.all", ALL_SOURCES);

/**
 * Schema migrations: constraints and indexes, and the data a new model needs, applied at
 * start-up. Each statement is idempotent (`IF NOT EXISTS`, or it only fills what is unset) and
 * each migration is recorded as a (:Migration) node, so a later change only adds a new entry at
 * the end of `migrations`.
 */
import { REFRESH_DURATION_COPY } from "../ingest/writeGraph.js";
import type { Neo4jExecutor } from "./executor.js";

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

const uniqueId = (label: string) =>
  `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: "unique ids",
    statements: ["Person", "Country", "Organization", "Place", "Topic", "Source", "Meeting", "Role", "Statement", "Wording", "Claim"].map(uniqueId),
  },
  {
    version: 2,
    name: "full-text search and lookup indexes",
    statements: [
      // One index over every searchable label, so relevance scores compare across them (src/search/search.ts).
      "CREATE FULLTEXT INDEX meetgraph_search IF NOT EXISTS FOR (n:Person|Organization|Place|Country|Meeting|Statement) ON EACH [n.searchText]",
      "CREATE INDEX meeting_date_start IF NOT EXISTS FOR (m:Meeting) ON (m.dateStart)",
      "CREATE INDEX meeting_duration IF NOT EXISTS FOR (m:Meeting) ON (m.durationMinutes)",
      "CREATE INDEX statement_said_on IF NOT EXISTS FOR (s:Statement) ON (s.saidOnStart)",
      // Queries right after start-up must not meet an index still populating.
      "CALL db.awaitIndexes(300)",
    ],
  },
  {
    version: 3,
    name: "curation: audit trail, merged-person redirects, write locks",
    statements: [
      uniqueId("AuditEntry"),
      // A merged person's old id: (:PersonRedirect {id})-[:MERGED_INTO]->(:Person) (src/curation/person.ts).
      uniqueId("PersonRedirect"),
      "CREATE CONSTRAINT curationlock_key IF NOT EXISTS FOR (n:CurationLock) REQUIRE n.key IS UNIQUE",
      "CREATE INDEX audit_entry_at IF NOT EXISTS FOR (a:AuditEntry) ON (a.at)",
      "CALL db.awaitIndexes(300)",
    ],
  },
  {
    version: 4,
    name: "how each fact is known: evidence defaults, duration figures, consensus (issue #19)",
    // Fills only what is unset, so curated values stay; `npm run seed` then writes the seed's own.
    statements: [
      `MATCH (c:Claim) WHERE c.basis IS NULL OR c.hedge IS NULL OR c.rank IS NULL
       SET c.basis = coalesce(c.basis, "STATED"),
           c.hedge = coalesce(c.hedge, CASE WHEN c.approximate THEN "APPROXIMATE" ELSE "NONE" END),
           c.rank = coalesce(c.rank, CASE WHEN c.preferred THEN "PREFERRED" ELSE "NORMAL" END)`,
      // Bounds written before the rule are read back as the figure that gives them (src/model/duration.ts,
      // figureOf); bounds no figure gives are left for `npm run db:check` to report.
      `MATCH (c:DurationClaim) WHERE c.figureMinutes IS NULL AND c.bound IS NULL AND c.minutes IS NOT NULL
       WITH c, CASE
         WHEN c.minMinutes IS NULL AND c.maxMinutes IS NULL THEN {figure: c.minutes, granularity: 1, bound: "AROUND"}
         WHEN c.maxMinutes IS NULL AND c.minMinutes = c.minutes THEN {figure: c.minutes, granularity: 1, bound: "OVER"}
         WHEN c.minutes - c.minMinutes = c.maxMinutes - c.minutes
           THEN {figure: c.minutes, granularity: CASE WHEN c.minutes = c.minMinutes THEN 1 ELSE 2 * (c.minutes - c.minMinutes) END, bound: "AROUND"}
       END AS read
       WHERE read IS NOT NULL
       SET c.figureMinutes = read.figure, c.granularityMinutes = read.granularity, c.bound = read.bound,
           c.minMinutes = coalesce(c.minMinutes, c.minutes),
           c.maxMinutes = CASE WHEN read.bound = "OVER" THEN c.maxMinutes ELSE coalesce(c.maxMinutes, c.minutes) END`,
      `MATCH (st:Statement)-[:HAS_WORDING]->(w:Wording) WHERE w.quoted IS NULL OR w.basis IS NULL
       SET w.quoted = coalesce(w.quoted, st.quoted), w.basis = coalesce(w.basis, "STATED")`,
      `MATCH ()-[r:SOURCED_BY]->() WHERE r.basis IS NULL SET r.basis = "STATED"`,
      `MATCH ()-[e:ATTENDED|RELATED]->() WHERE e.bases IS NULL
       SET e.bases = [x IN e.sourceIds | "STATED"], e.notes = [x IN e.sourceIds | ""]`,
      `MATCH (m:Meeting)
       ${REFRESH_DURATION_COPY}`,
      `MATCH (m:Meeting) WHERE coalesce(m.endedLatest, m.beganLatest) IS NOT NULL
       WITH m, date(left(coalesce(m.endedLatest, m.beganLatest), 10)) AS lastDay
       WHERE lastDay > m.dateEnd
       SET m.dateEnd = lastDay`,
    ],
  },
];

const APPLIED = `MATCH (m:Migration) RETURN m.version AS version`;
const RECORD = `MERGE (m:Migration {version: $version}) ON CREATE SET m.name = $name, m.appliedAt = datetime()`;

/** Applies the migrations not yet recorded; returns the versions applied now. */
export async function migrate(db: Neo4jExecutor): Promise<number[]> {
  const applied = new Set((await db.read<{ version: number }>("migrations.applied", APPLIED)).map((r) => r.version));
  const pending = migrations.filter((m) => !applied.has(m.version));
  for (const migration of pending) {
    // Schema statements cannot share a transaction with data writes, so each runs on its own.
    for (const statement of migration.statements) await db.write(`migration.${migration.version}`, statement);
    await db.write("migrations.record", RECORD, { version: migration.version, name: migration.name });
  }
  return pending.map((m) => m.version);
}

/**
 * Schema migrations: constraints and indexes, and the data a new model needs, applied at
 * start-up. Each statement is idempotent (`IF NOT EXISTS`, or it only fills what is unset) and
 * each migration is recorded as a (:Migration) node, so a later change only adds a new entry at
 * the end of `migrations`.
 */
import { REFRESH_DURATION_COPY } from "./writes.js";
import type { Neo4jExecutor } from "./executor.js";

export interface Migration {
  version: number;
  name: string;
  statements: string[];
  /**
   * Data statements run page by page after `statements` (see `pageOf`), so that each transaction
   * stays small and within the query timeout on a large graph.
   */
  pages?: string[];
}

/** Nodes per data page: each page is one transaction, far below the query timeout on the benchmark's graph. */
const PAGE_SIZE = 5_000;

/**
 * A data statement over every `label` node, one page of ids after `$after` at a time, answering the
 * last id it saw (null once the label is done). `work` continues from `WITH <variable>`.
 */
const pageOf = (label: string, variable: string, work: string) => `
MATCH (${variable}:${label}) WHERE ${variable}.id > $after
WITH ${variable} ORDER BY ${variable}.id LIMIT toInteger($pageSize)
${work}
RETURN max(${variable}.id) AS last`;

const uniqueId = (label: string) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`;

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
    statements: [],
    // Fills only what is unset, so curated values stay; `npm run seed` then writes the seed's own.
    pages: [
      pageOf(
        "Claim",
        "c",
        `
       SET c.basis = coalesce(c.basis, "STATED"),
           c.hedge = coalesce(c.hedge, CASE WHEN c.approximate THEN "APPROXIMATE" ELSE "NONE" END),
           c.rank = coalesce(c.rank, CASE WHEN c.preferred THEN "PREFERRED" ELSE "NORMAL" END)`,
      ),
      // Bounds written before the rule are read back as the figure that gives them (src/model/duration.ts,
      // figureOf); bounds no figure gives are left for `npm run db:check` to report.
      pageOf(
        "DurationClaim",
        "c",
        `
       WITH c, CASE
         WHEN c.figureMinutes IS NOT NULL OR c.bound IS NOT NULL OR c.minutes IS NULL THEN null
         WHEN c.minMinutes IS NULL AND c.maxMinutes IS NULL THEN {figure: c.minutes, granularity: 1, bound: "AROUND"}
         WHEN c.maxMinutes IS NULL AND c.minMinutes = c.minutes THEN {figure: c.minutes, granularity: 1, bound: "OVER"}
         WHEN c.minutes - c.minMinutes = c.maxMinutes - c.minutes
           THEN {figure: c.minutes, granularity: CASE WHEN c.minutes = c.minMinutes THEN 1 ELSE 2 * (c.minutes - c.minMinutes) END, bound: "AROUND"}
       END AS read
       FOREACH (_ IN CASE WHEN read IS NULL THEN [] ELSE [1] END |
         SET c.figureMinutes = read.figure, c.granularityMinutes = read.granularity, c.bound = read.bound,
             c.minMinutes = coalesce(c.minMinutes, c.minutes),
             c.maxMinutes = CASE WHEN read.bound = "OVER" THEN c.maxMinutes ELSE coalesce(c.maxMinutes, c.minutes) END)`,
      ),
      pageOf(
        "Statement",
        "st",
        `
       CALL (st) {
         MATCH (st)-[:HAS_WORDING]->(w:Wording)
         SET w.quoted = coalesce(w.quoted, st.quoted), w.basis = coalesce(w.basis, "STATED")
       }`,
      ),
      pageOf(
        "Role",
        "r",
        `
       CALL (r) { MATCH (r)-[ref:SOURCED_BY]->() SET ref.basis = coalesce(ref.basis, "STATED") }`,
      ),
      pageOf(
        "Person",
        "p",
        `
       CALL (p) {
         MATCH (p)-[e:ATTENDED|RELATED]->() WHERE e.bases IS NULL
         SET e.bases = [x IN e.sourceIds | "STATED"], e.notes = [x IN e.sourceIds | ""]
       }`,
      ),
      pageOf(
        "Meeting",
        "m",
        `
       CALL (m) {
         ${REFRESH_DURATION_COPY}
       }
       WITH m, date(left(coalesce(m.endedLatest, m.beganLatest), 10)) AS lastDay
       SET m.dateEnd = CASE WHEN lastDay > m.dateEnd THEN lastDay ELSE m.dateEnd END`,
      ),
    ],
  },
  {
    version: 5,
    name: "article ingest: proposals (issue #20)",
    statements: [
      // (:Proposal)-[:PROPOSED_FROM]->(:Source), src/proposal/store.ts; re-ingesting MERGEs on the id.
      uniqueId("Proposal"),
      // The review page lists proposals by status.
      "CREATE INDEX proposal_status IF NOT EXISTS FOR (p:Proposal) ON (p.status)",
      "CALL db.awaitIndexes(300)",
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
    for (const page of migration.pages ?? []) {
      for (let after: string | null = ""; after !== null;) {
        const [row]: { last: string | null }[] = await db.write<{ last: string | null }>(`migration.${migration.version}.page`, page, {
          after,
          pageSize: PAGE_SIZE,
        });
        after = row?.last ?? null;
      }
    }
    await db.write("migrations.record", RECORD, { version: migration.version, name: migration.name });
  }
  return pending.map((m) => m.version);
}

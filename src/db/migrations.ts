/**
 * Schema migrations: constraints and indexes, applied at start-up. Each statement is
 * idempotent (`IF NOT EXISTS`) and each migration is recorded as a (:Migration) node,
 * so a later change only adds a new entry at the end of `migrations`.
 */
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

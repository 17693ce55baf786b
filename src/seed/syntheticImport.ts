/**
 * The synthetic graph through Neo4j's batch importer, for a database that does not exist yet:
 * the fast path of seed:synthetic and the benchmark. The graph is the one the Cypher writers
 * (src/db/writes.ts) store, property for property: rows come from the same `meetingRow` and
 * `statementRow`, and tests/synthetic-import.test.ts compares the two loads.
 *
 * Three steps: CSV files from the generator (`writeSyntheticCsv`, in src/seed/syntheticCsv.ts), the importer (`runImport`),
 * then, with the server started on the new store, what the importer cannot do (`finishImport`):
 * the empty lists CSV cannot hold, and the schema. The store's migrations are recorded as applied,
 * since the data is written in the current model; only their schema statements run, after the
 * data, which is how an index is built fastest.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { Config } from "../config.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { migrations } from "../db/migrations.js";
import { openDatabase, type OpenDatabase } from "../db/open.js";
import { UserFacingError } from "../script.js";
import { runImport, storeExists, type FixUp } from "./csvImport.js";
import type { Progress, SyntheticOptions } from "./synthetic.js";
import { writeSyntheticCsv } from "./syntheticCsv.js";

export interface ImportTimings {
  csvSeconds: number;
  importSeconds: number;
}

/**
 * Creates the store of a database that does not exist yet, holding the synthetic graph. The
 * server must not be running on `dataDir`; start it afterwards and call `finishImport`.
 */
export async function importSyntheticStore(
  dataDir: string,
  options: SyntheticOptions,
  memory: string,
  progress: Progress,
  say: (message: string) => void,
): Promise<{ fixUps: FixUp[]; timings: ImportTimings }> {
  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-import-"));
  try {
    const started = Date.now();
    const tables = await writeSyntheticCsv(csvDir, options, progress);
    const csvSeconds = (Date.now() - started) / 1000;
    say(`Wrote the CSV files in ${csvSeconds.toFixed(1)} s; importing...`);
    await runImport({ dataDir, csvDir, tables, memory, say });
    const importSeconds = (Date.now() - started) / 1000 - csvSeconds;
    return { fixUps: tables.flatMap((table) => table.fixUps()), timings: { csvSeconds, importSeconds } };
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }
}

/** Schema statements (constraints, indexes), as opposed to data migrations and waits for indexes. */
const SCHEMA_STATEMENT = /^\s*(?:CREATE|DROP)\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\b/i;

/**
 * Creates the migrations' constraints and indexes, then waits for them. An index's statement returns
 * at once and Neo4j builds it in the background; a constraint's returns when its index is built, so
 * the constraints run each on its own session, side by side, where one after the other each waited
 * for the last. Two schema statements on one label deadlock on its lock, hence the indexes first and
 * one at a time, and the constraints side by side only because each is on a label of its own. (One
 * transaction creating them all was slower: its constraints were still built one by one.)
 */
async function createSchema(db: Neo4jExecutor) {
  const statements = migrations.flatMap((m) => m.statements.filter((s) => SCHEMA_STATEMENT.test(s)));
  const constraint = (statement: string) => /\bCONSTRAINT\b/i.test(statement);
  for (const statement of statements.filter((s) => !constraint(s))) await db.write("import.schema", statement);
  await Promise.all(statements.filter(constraint).map((statement) => db.write("import.schema", statement)));
  await db.write("import.schema", "CALL db.awaitIndexes(3600)");
}

/** What the importer cannot do, once the server runs on the new store: the empty lists CSV cannot hold, then the schema. */
export async function finishImport(
  db: Neo4jExecutor,
  fixUps: FixUp[],
  say: (message: string) => void,
): Promise<{ fixUpSeconds: number; schemaSeconds: number }> {
  const started = Date.now();
  // CALL … IN TRANSACTIONS commits as it goes, so it runs outside the executor's managed transactions.
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const cypher of fixUps) await session.run(cypher);
  } finally {
    await session.close();
  }
  const fixUpSeconds = (Date.now() - started) / 1000;
  say(`Set the empty lists CSV cannot hold in ${fixUpSeconds.toFixed(1)} s; creating constraints and indexes...`);
  await createSchema(db);
  return { fixUpSeconds, schemaSeconds: (Date.now() - started) / 1000 - fixUpSeconds };
}

export interface ImportReport extends ImportTimings {
  /** From the first CSV line to the indexes online, the server's start included. */
  seconds: number;
  startSeconds: number;
  fixUpSeconds: number;
  schemaSeconds: number;
}

/** True when the batch importer can load this configuration's database: a local one, not created yet. */
export const canImport = (config: Config) => !config.NEO4J_URI && !storeExists(config.NEO4J_DATA_DIR);

/**
 * The whole fast path: a new local store holding the synthetic graph, the server started on it
 * (as `openDatabase` starts it), and the schema online. The caller closes the database.
 */
export async function importAndOpen(
  config: Config,
  options: SyntheticOptions,
  memory: string,
  progress: Progress,
  say: (message: string) => void,
): Promise<{ open: OpenDatabase; report: ImportReport }> {
  if (!canImport(config)) {
    throw new UserFacingError(
      config.NEO4J_URI
        ? `The batch importer writes a local store, and NEO4J_URI (${config.NEO4J_URI}) points elsewhere: unset it, or load with --method transactions.`
        : `${config.NEO4J_DATA_DIR} already holds a database, and the batch importer only creates new ones: set NEO4J_DATA_DIR to a new directory, ` +
            "delete this one (`npm run db:reset -- --yes`), or load with --method transactions.",
    );
  }
  const started = Date.now();
  const { fixUps, timings } = await importSyntheticStore(config.NEO4J_DATA_DIR, options, memory, progress, say);
  const startedServerAt = Date.now();
  const open = await openDatabase(config, say);
  try {
    const startSeconds = (Date.now() - startedServerAt) / 1000;
    const finished = await finishImport(open.db, fixUps, say);
    return { open, report: { ...timings, startSeconds, ...finished, seconds: (Date.now() - started) / 1000 } };
  } catch (error) {
    await open.close();
    throw error;
  }
}

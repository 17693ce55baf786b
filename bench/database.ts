/**
 * The benchmark's database: its own local Neo4j (own data directory, port and memory, so it
 * never touches the development graph or the test suite's), or NEO4J_URI when set. The
 * synthetic graph is loaded only when the database does not hold it yet, so a second run
 * over the same directory starts measuring within seconds: into a new local directory by the
 * batch importer, otherwise (NEO4J_URI, or completing an interrupted load) by transactions.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import type { DatabaseTarget } from "../src/db/connect.js";
import type { Neo4jExecutor } from "../src/db/executor.js";
import { freePort } from "../src/db/localNeo4j.js";
import { openDatabase } from "../src/db/open.js";
import { progressBar } from "../src/seed/progress.js";
import { loadSyntheticGraph, SYNTHETIC_GENERATION, type SyntheticOptions } from "../src/seed/synthetic.js";
import { canImport, importAndOpen } from "../src/seed/syntheticImport.js";
import { UserFacingError } from "../src/script.js";

export interface DatabaseOptions {
  graph: SyntheticOptions;
  /** Local Neo4j only. */
  dataDir: string;
  boltPort: number | undefined;
  heap: string;
  pageCache: string;
  /** Rows per load transaction. */
  batch: number;
}

export interface BenchDatabase {
  db: Neo4jExecutor;
  /** What the server processes connect to. */
  target: Pick<DatabaseTarget, "uri" | "user" | "password" | "database">;
  neo4jVersion: string;
  /** Seconds spent loading the synthetic graph in this run; 0 when it was there already. */
  loadSeconds: number;
  close(): Promise<void>;
}

/** Where a size's graph lives unless --data-dir says otherwise: outside the repository, kept between runs. */
export const defaultDataDir = ({ people, meetings, seed }: SyntheticOptions) =>
  path.join(os.tmpdir(), "meetgraph-bench", `${people}-${meetings}-seed${seed}-gen${SYNTHETIC_GENERATION}`);

const COUNT_SYNTHETIC = `
CALL () { MATCH (p:Person) WHERE p.id STARTS WITH 'syn-person-' RETURN count(p) AS people }
CALL () { MATCH (m:Meeting) WHERE m.id STARTS WITH 'syn-meeting-' RETURN count(m) AS meetings }
CALL () { MATCH (s:Statement) WHERE s.id STARTS WITH 'syn-statement-' RETURN count(s) AS statements }
RETURN people, meetings, statements`;

const VERSION = `CALL dbms.components() YIELD versions, edition RETURN versions[0] + ' ' + edition AS version`;

export async function openBenchDatabase(options: DatabaseOptions, say: (message: string) => void): Promise<BenchDatabase> {
  const { graph } = options;
  // The project's own start-up path (find or start the server, wait, migrate), pointed at the bench's directory and memory.
  const config = loadConfig({
    ...process.env,
    NEO4J_DATA_DIR: options.dataDir,
    NEO4J_BOLT_PORT: String(options.boltPort ?? (await freePort())),
    NEO4J_HEAP: options.heap,
    NEO4J_PAGE_CACHE: options.pageCache,
    // Loading a batch of 2,000 meetings can outlast the API's 15 s on a busy machine.
    NEO4J_QUERY_TIMEOUT_MS: "300000",
  });
  // A new local directory is filled by the batch importer, many times faster than transactions.
  const imported = canImport(config) ? await importAndOpen(config, graph, options.heap, progressBar, say) : undefined;
  if (imported)
    say(`Imported the synthetic graph (${graph.people} people, ${graph.meetings} meetings, seed ${graph.seed}) in ${imported.report.seconds.toFixed(0)} s.`);
  const { db, target, close } = imported?.open ?? (await openDatabase(config, say));
  try {
    const [counts] = await db.read<{ people: number; meetings: number; statements: number }>("bench.count", COUNT_SYNTHETIC);
    const wanted = { people: graph.people, meetings: graph.meetings, statements: Math.floor(graph.meetings / 10) };
    let loadSeconds = imported?.report.seconds ?? 0;
    if (counts!.people > wanted.people || counts!.meetings > wanted.meetings) {
      throw new UserFacingError(
        `The database at ${target.uri} already holds a larger synthetic graph (${counts!.people} people, ${counts!.meetings} meetings) than asked for ` +
          `(${wanted.people}, ${wanted.meetings}); use another --data-dir, or the sizes it holds.`,
      );
    }
    if (counts!.people < wanted.people || counts!.meetings < wanted.meetings || counts!.statements < wanted.statements) {
      // Ids are MERGEd, so an interrupted load with the same seed is completed, not duplicated.
      say(
        `Loading the synthetic graph (${graph.people} people, ${graph.meetings} meetings, seed ${graph.seed}); the database has ${counts!.people} people and ${counts!.meetings} meetings of it...`,
      );
      loadSeconds = (await loadSyntheticGraph(db, graph, options.batch, progressBar)).seconds;
      say(`Loaded in ${loadSeconds.toFixed(0)} s.`);
    } else {
      say(`The database already holds the synthetic graph (${counts!.people} people, ${counts!.meetings} meetings).`);
    }
    const [version] = await db.read<{ version: string }>("bench.version", VERSION);
    return {
      db,
      target: { uri: target.uri, user: target.user, password: target.password, database: target.database },
      neo4jVersion: version!.version,
      loadSeconds,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

const RUNNING = `
SHOW TRANSACTIONS YIELD currentQuery
WHERE NOT currentQuery CONTAINS 'SHOW TRANSACTIONS'
RETURN count(*) AS running`;

/**
 * Waits until no other transaction runs, up to `timeoutMs`; returns the seconds waited. A load
 * run stops sending when its time is up, but the queries in flight go on in the database; they
 * must not slow the next contender down.
 */
export async function waitForIdle(db: Neo4jExecutor, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const [row] = await db.read<{ running: number }>("bench.running", RUNNING);
    if (row!.running === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (Date.now() - started) / 1000;
}

/** A throw-away data directory (the quick mode's), removed by the returned function. */
export function temporaryDataDir(): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-bench-quick-"));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The hand-curated seed graph (seed/data/*.json): load it, count it, or wipe the graph. */
import path from "node:path";
import { projectRoot } from "../config.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { UserFacingError } from "../script.js";
import type { SeedGraph } from "./seedFiles.js";
import { planSeed, readCuratedState, type SeedNote } from "./seedOnCuratedGraph.js";
import { countExisting, GRAPH_LABELS, idsByLabel, writeGraph, type GraphLabel, type Run } from "./writeGraph.js";

export const defaultSeedDir = path.join(projectRoot, "seed", "data");

export type LoadReport = Record<GraphLabel, { inFiles: number; created: number; existed: number }> & {
  /** Entries of the files not written, because curation through the API changed them (seedOnCuratedGraph.ts). */
  skipped: SeedNote[];
};

/** The files ask for what the curated graph cannot take; nothing was written. */
export class SeedConflictError extends UserFacingError {
  constructor(readonly conflicts: SeedNote[]) {
    super(
      `The seed files conflict with the graph; nothing was written:\n${conflicts.map((c) => `  ${c.file} ${c.entry}: ${c.reason}`).join("\n")}\n` +
        "Change those entries in the files (or the graph, through the API), then run the seed again.",
    );
  }
}

export const readRun = (db: Neo4jExecutor, name: string): Run => (cypher, params) => db.read(name, cypher, params);

/**
 * Writes a validated graph (`readSeedDir`) in one transaction: all of it or nothing.
 * Idempotent: a second load creates nothing and reports everything as existing. On a graph
 * curated through the API, the curators' changes and merges win (seedOnCuratedGraph.ts); a
 * conflict throws SeedConflictError and writes nothing.
 */
export async function loadCuratedGraph(db: Neo4jExecutor, graph: SeedGraph): Promise<LoadReport> {
  const ids = idsByLabel(graph);
  const existed = await countExisting(readRun(db, "seed.count"), ids);
  const skipped = await db.writeTransaction("seed.curated", async (run) => {
    const plan = planSeed(graph, await readCuratedState(run as Run, graph));
    if (plan.conflicts.length > 0) throw new SeedConflictError(plan.conflicts);
    await writeGraph(run as Run, plan.graph);
    return plan.skipped;
  });
  const counts = Object.fromEntries(
    GRAPH_LABELS.map((label) => [label, { inFiles: ids[label].length, created: ids[label].length - existed[label], existed: existed[label] }]),
  );
  return { ...counts, skipped } as LoadReport;
}

const ANY_DATA_NODE = `MATCH (n) WHERE NOT n:Migration RETURN n.id AS id LIMIT 1`;

export async function graphIsEmpty(db: Neo4jExecutor): Promise<boolean> {
  return (await db.read("graph.isEmpty", ANY_DATA_NODE)).length === 0;
}

// Batches keep each transaction small however large the graph (the synthetic one has millions of nodes).
const DELETE_BATCH = `
MATCH (n) WHERE NOT n:Migration
WITH n LIMIT 10000
DETACH DELETE n
RETURN count(*) AS deleted`;

/** Deletes every node but the migration records; returns how many. */
export async function wipeGraph(db: Neo4jExecutor, progress: (deleted: number) => void = () => {}): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await db.write<{ deleted: number }>("graph.wipe", DELETE_BATCH);
    const deleted = row?.deleted ?? 0;
    if (deleted === 0) return total;
    total += deleted;
    progress(total);
  }
}

/** The hand-curated seed graph (seed/data/*.json): load it, count it, or wipe the graph. */
import path from "node:path";
import { projectRoot } from "../config.js";
import type { Neo4jExecutor } from "../db/executor.js";
import type { SeedGraph } from "./seedFiles.js";
import { countExisting, GRAPH_LABELS, idsByLabel, writeGraph, type GraphLabel, type Run } from "./writeGraph.js";

export const defaultSeedDir = path.join(projectRoot, "seed", "data");

export type LoadReport = Record<GraphLabel, { inFiles: number; created: number; existed: number }>;

export const readRun = (db: Neo4jExecutor, name: string): Run => (cypher, params) => db.read(name, cypher, params);

/**
 * Writes a validated graph (`readSeedDir`) in one transaction: all of it or nothing.
 * Idempotent: a second load creates nothing and reports everything as existing.
 */
export async function loadCuratedGraph(db: Neo4jExecutor, graph: SeedGraph): Promise<LoadReport> {
  const ids = idsByLabel(graph);
  const existed = await countExisting(readRun(db, "seed.count"), ids);
  await db.writeTransaction("seed.curated", (run) => writeGraph(run, graph));
  return Object.fromEntries(
    GRAPH_LABELS.map((label) => [label, { inFiles: ids[label].length, created: ids[label].length - existed[label], existed: existed[label] }]),
  ) as LoadReport;
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

/** The hand-curated seed graph (seed/data/*.json), once read and validated: load it, count it, or wipe the graph. */
import type { RecordShape } from "neo4j-driver";
import type { Neo4jExecutor, RunStatement } from "../db/executor.js";
import {
  meetingRow,
  statementRow,
  writeClaimRelays,
  writeCountries,
  writeMeetingRows,
  writeOrganizations,
  writePeople,
  writePlaces,
  writeSources,
  writeStatements,
  writeTopics,
} from "../db/writes.js";
import { UserFacingError } from "../script.js";
import type { SeedGraph } from "./files.js";
import { planSeed, readCuratedState, type SeedNote } from "./seedOnCuratedGraph.js";

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

/** Statements run as reads of `db`, each its own auto-commit transaction, for what takes a runner and only reads. */
export const readRun =
  (db: Neo4jExecutor, name: string): RunStatement =>
  <T extends RecordShape>(cypher: string, params?: Record<string, unknown>) =>
    db.read<T>(name, cypher, params);

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
    const plan = planSeed(graph, await readCuratedState(run, graph));
    if (plan.conflicts.length > 0) throw new SeedConflictError(plan.conflicts);
    await writeGraph(run, plan.graph);
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

/** The whole curated graph, in dependency order, inside the caller's one transaction. */
export async function writeGraph(run: RunStatement, graph: SeedGraph): Promise<void> {
  await writeCountries(run, graph.countries);
  await writeOrganizations(run, graph.organizations);
  await writePlaces(run, graph.places);
  await writeTopics(run, graph.topics);
  await writeSources(run, graph.sources);
  await writePeople(run, graph.people);
  const meetings = graph.meetings.map(meetingRow);
  await writeMeetingRows(run, meetings);
  await writeStatements(run, graph.statements);
  await writeClaimRelays(run, meetings);
}

/** The node labels the graph holds, for counts of what a load created. */
export const GRAPH_LABELS = ["Country", "Organization", "Place", "Topic", "Source", "Person", "Role", "Meeting", "Claim", "Statement", "Wording"] as const;
export type GraphLabel = (typeof GRAPH_LABELS)[number];

/** The ids of every node a graph's load writes, by label (claim and wording ids are derived as the writers derive them). */
export function idsByLabel(graph: SeedGraph): Record<GraphLabel, string[]> {
  const meetings = graph.meetings.map(meetingRow);
  const statements = graph.statements.map(statementRow);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  return {
    Country: ids(graph.countries),
    Organization: ids(graph.organizations),
    Place: ids(graph.places),
    Topic: ids(graph.topics),
    Source: ids(graph.sources),
    Person: ids(graph.people),
    Role: ids(graph.people.flatMap((p) => p.roles)),
    Meeting: ids(meetings),
    Claim: meetings.flatMap((m) => [...ids(m.claims), ...ids(m.durations)]),
    Statement: ids(statements),
    Wording: statements.flatMap((s) => ids(s.wordings)),
  };
}

// One index seek per id; the label names are constants, never user input.
const COUNT_EXISTING = GRAPH_LABELS.map(
  (label) => `MATCH (n:${label}) WHERE n.id IN $ids.${label} WITH count(n) AS count RETURN "${label}" AS label, count`,
).join("\nUNION ALL\n");

/** How many of the given nodes exist now, by label. Counting only these ids keeps the figure exact while others write. */
export async function countExisting(run: RunStatement, ids: Record<GraphLabel, string[]>): Promise<Record<GraphLabel, number>> {
  const rows = await run<{ label: GraphLabel; count: number }>(COUNT_EXISTING, { ids });
  return Object.fromEntries(rows.map((r) => [r.label, r.count])) as Record<GraphLabel, number>;
}

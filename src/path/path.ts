/** connectionPath: the shortest chain of shared meetings between two people. */
import type { Neo4jExecutor } from "../db/executor.js";
import { badUserInput } from "../graphql/errors.js";

export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;

export interface PathStepRecord {
  fromId: string;
  meetingId: string;
  toId: string;
}

/**
 * A hop is person–meeting–person, two ATTENDED edges. Variable-length bounds cannot be
 * parameters, so the search is bounded by the largest maxHops allowed and the requested bound
 * is applied after: no path within MAX_HOPS is shorter than the shortest one. Among equally
 * short paths, the first by their ids, so the answer does not depend on the planner.
 */
const SHORTEST_PATH = `
MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
MATCH p = allShortestPaths((a)-[:ATTENDED*..${2 * MAX_HOPS}]-(b))
WITH p WHERE length(p) <= 2 * $maxHops
WITH [n IN nodes(p) | n.id] AS ids ORDER BY ids LIMIT 1
RETURN ids`;

const PERSON_EXISTS = `MATCH (p:Person {id: $id}) RETURN p.id AS id`;

export function maxHopsOf(maxHops: number | null | undefined): number {
  if (maxHops === null || maxHops === undefined) return DEFAULT_MAX_HOPS;
  if (maxHops < 1 || maxHops > MAX_HOPS) throw badUserInput("maxHops", `must be between 1 and ${MAX_HOPS}, got ${maxHops}`);
  return maxHops;
}

/** The steps from one person to another; null when there is no path within maxHops or a person is unknown. */
export async function connectionPath(db: Neo4jExecutor, fromId: string, toId: string, maxHops: number): Promise<PathStepRecord[] | null> {
  if (fromId === toId) {
    // A path from someone to themselves has no steps; shortestPath refuses equal ends anyway.
    const found = await db.read("path.personExists", PERSON_EXISTS, { id: fromId });
    return found.length > 0 ? [] : null;
  }
  const [row] = await db.read<{ ids: string[] }>("path.shortest", SHORTEST_PATH, { fromId, toId, maxHops });
  if (!row) return null;
  const steps: PathStepRecord[] = [];
  for (let i = 0; i + 2 < row.ids.length; i += 2) {
    steps.push({ fromId: row.ids[i]!, meetingId: row.ids[i + 1]!, toId: row.ids[i + 2]! });
  }
  return steps;
}

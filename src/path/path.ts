/** connectionPath: the shortest chain of shared meetings between two people. */
import { constant, cypher, integer, statement } from "../db/cypher.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { badUserInput } from "../graphql/errors.js";
import { MEETING_FIELDS, type MeetingRecord } from "../meeting/meeting.js";
import { PERSON_FIELDS, type PersonRecord } from "../person/person.js";

export const DEFAULT_MAX_HOPS = 4;
export const MAX_HOPS = 6;

/** A step, with the records of its people and meeting: the statement that finds the path reads them too. */
export interface PathStepRecord {
  from: PersonRecord;
  meeting: MeetingRecord;
  to: PersonRecord;
}

/**
 * A hop is person–meeting–person, two ATTENDED edges. Variable-length bounds cannot be
 * parameters, so the search is bounded by the largest maxHops allowed and the requested bound
 * is applied after: no path within MAX_HOPS is shorter than the shortest one. Among equally
 * short paths, the first by their ids, so the answer does not depend on the planner.
 */
const shortestPath = (fromId: string, toId: string, maxHops: number) => cypher`
MATCH (a:Person {id: ${fromId}}), (b:Person {id: ${toId}})
MATCH path = allShortestPaths((a)-[:ATTENDED*..${integer(2 * MAX_HOPS)}]-(b))
WITH path WHERE length(path) <= 2 * ${maxHops}
WITH nodes(path) AS ns ORDER BY [n IN nodes(path) | n.id] LIMIT 1
RETURN [i IN range(0, size(ns) - 3, 2) | {
  from: [p IN [ns[i]] | ${constant(PERSON_FIELDS)}][0],
  meeting: [m IN [ns[i + 1]] | ${constant(MEETING_FIELDS)}][0],
  to: [p IN [ns[i + 2]] | ${constant(PERSON_FIELDS)}][0]
}] AS steps`;

const personExists = (id: string) => cypher`MATCH (p:Person {id: ${id}}) RETURN p.id AS id`;

export function maxHopsOf(maxHops: number | null | undefined): number {
  if (maxHops === null || maxHops === undefined) return DEFAULT_MAX_HOPS;
  if (maxHops < 1 || maxHops > MAX_HOPS) throw badUserInput("maxHops", `must be between 1 and ${MAX_HOPS}, got ${maxHops}`);
  return maxHops;
}

/** The steps from one person to another; null when there is no path within maxHops or a person is unknown. */
export async function connectionPath(db: Neo4jExecutor, fromId: string, toId: string, maxHops: number): Promise<PathStepRecord[] | null> {
  if (fromId === toId) {
    // A path from someone to themselves has no steps; shortestPath refuses equal ends anyway.
    const { text, params } = statement(personExists(fromId));
    const found = await db.read("path.personExists", text, params);
    return found.length > 0 ? [] : null;
  }
  const { text, params } = statement(shortestPath(fromId, toId, maxHops));
  const [row] = await db.read<{ steps: PathStepRecord[] }>("path.shortest", text, params);
  return row ? row.steps : null;
}

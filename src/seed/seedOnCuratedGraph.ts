/**
 * The rule between the seed files and curation through the API (docs/graph-model.md, "Seeding a
 * curated graph"): the API's changes win. An entry whose id a curator changed (an audit entry
 * names it) is left as it is; an id a merge retired is never written again, and references to it
 * follow it to the survivor. Everything else is written as the files say. A file that would make
 * the graph break an invariant (a role held by another person) is a conflict: nothing is written.
 */
import { lockKey, lockTaker } from "../curation/transaction.js";
import type { SeedGraph } from "./files.js";
import type { SeedParticipant } from "../model/entries.js";
import type { RunStatement } from "../db/executor.js";

/** What the graph holds that decides how the files are written. */
export interface CuratedState {
  /** A merged person's old id → the person it was merged into. */
  survivorOf: Map<string, string>;
  /** Ids of entries that a mutation through the API changed. */
  curated: Set<string>;
  /** A role id → the person holding it. */
  roleHolders: Map<string, string>;
}

/** An entry of the files that was not written, and why. */
export interface SeedNote {
  file: string;
  entry: string;
  reason: string;
}

export interface SeedPlan {
  /** What to write: the files' entries less the skipped ones, references to merged ids following their redirect. */
  graph: SeedGraph;
  skipped: SeedNote[];
  conflicts: SeedNote[];
}

const READ_STATE = `
CALL () {
  UNWIND $personIds AS id
  MATCH (:PersonRedirect {id: id})-[:MERGED_INTO]->(survivor:Person)
  RETURN collect([id, survivor.id]) AS redirects
}
CALL () {
  MATCH (a:AuditEntry) UNWIND a.entityIds AS id
  WITH DISTINCT id WHERE id IN $entryIds
  RETURN collect(id) AS curated
}
CALL () {
  UNWIND $roleIds AS id
  MATCH (holder:Person)-[:HOLDS]->(:Role {id: id})
  RETURN collect([id, holder.id]) AS roleHolders
}
RETURN redirects, curated, roleHolders`;

/** The locks a mutation of the same entries would take, so a seed run and the API never interleave. */
function lockKeys(graph: SeedGraph, survivorOf: Map<string, string>): string[] {
  return [
    ...graph.people.flatMap((p) => [lockKey("Person", p.id), ...p.roles.map((r) => lockKey("Role", r.id))]),
    ...[...survivorOf.values()].map((id) => lockKey("Person", id)),
    ...graph.sources.map((s) => lockKey("Source", s.id)),
    ...graph.meetings.map((m) => lockKey("Meeting", m.id)),
    ...graph.statements.map((s) => lockKey("Statement", s.id)),
  ];
}

/** Reads what decides the plan, under the locks of every entry (inside the seed's write transaction). */
export async function readCuratedState(run: RunStatement, graph: SeedGraph): Promise<CuratedState> {
  const { lock } = lockTaker(run);
  const params = {
    personIds: graph.people.map((p) => p.id),
    entryIds: [...graph.people, ...graph.sources, ...graph.meetings, ...graph.statements].map((e) => e.id),
    roleIds: graph.people.flatMap((p) => p.roles.map((r) => r.id)),
  };
  const read = async () => {
    const [row] = (await run(READ_STATE, params)) as { redirects: [string, string][]; curated: string[]; roleHolders: [string, string][] }[];
    return { survivorOf: new Map(row!.redirects), curated: new Set(row!.curated), roleHolders: new Map(row!.roleHolders) };
  };
  await lock(lockKeys(graph, new Map()));
  const state = await read();
  if (state.survivorOf.size === 0) return state;
  // Survivors are locked after they are known: read again under their locks.
  await lock(lockKeys(graph, state.survivorOf));
  return read();
}

/** Participants after following redirects: two entries that are now one person become one attendance with both sources. */
function resolveParticipants(participants: SeedParticipant[], resolve: (id: string) => string): SeedParticipant[] {
  const byPerson = new Map<string, SeedParticipant>();
  for (const p of participants) {
    const personId = resolve(p.personId);
    const known = byPerson.get(personId);
    if (!known) byPerson.set(personId, { ...p, personId });
    else known.sources = [...known.sources, ...p.sources.filter((s) => !known.sources.some((k) => k.sourceId === s.sourceId))];
  }
  return [...byPerson.values()];
}

/** What to write of `graph` on a graph in `state`. Pure. */
export function planSeed(graph: SeedGraph, state: CuratedState): SeedPlan {
  const skipped: SeedNote[] = [];
  const conflicts: SeedNote[] = [];
  const resolve = (id: string) => state.survivorOf.get(id) ?? id;
  const keep = <E extends { id: string }>(file: string, entries: E[]) =>
    entries.filter((entry) => {
      const survivor = state.survivorOf.get(entry.id);
      if (survivor) skipped.push({ file, entry: entry.id, reason: `merged into ${JSON.stringify(survivor)}; its facts are that person's now` });
      else if (state.curated.has(entry.id))
        skipped.push({ file, entry: entry.id, reason: "changed through the API (see auditLog); the curated version is kept" });
      else return true;
      return false;
    });

  const people = keep("people.json", graph.people).map((person) => {
    for (const role of person.roles) {
      const holder = state.roleHolders.get(role.id);
      if (holder !== undefined && holder !== person.id) {
        conflicts.push({ file: "people.json", entry: person.id, reason: `role ${JSON.stringify(role.id)} is held by ${JSON.stringify(holder)} in the graph` });
      }
    }
    const relations = person.relations.map((r) => ({ ...r, toPersonId: resolve(r.toPersonId) })).filter((r) => r.toPersonId !== person.id);
    return { ...person, relations };
  });
  const meetings = keep("meetings.json", graph.meetings).map((m) => ({ ...m, participants: resolveParticipants(m.participants, resolve) }));
  const statements = keep("statements.json", graph.statements).map((s) => ({ ...s, speakerId: resolve(s.speakerId) }));
  const sources = keep("sources.json", graph.sources);
  return { graph: { ...graph, people, meetings, statements, sources }, skipped, conflicts };
}

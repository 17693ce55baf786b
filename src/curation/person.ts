/** Curating people: create (or replace), update, and merge two ids for one person. */
import { z } from "zod";
import type { MergePeopleInput, PersonInput, RelationInput, RoleInput, UpdatePersonInput } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { compact } from "../graphql/input.js";
import { compareDates } from "../model/dates.js";
import { personSchema, type SeedPerson } from "../model/entries.js";
import { searchText, writePeople } from "../db/writes.js";
import { COUNTRY_IDS, PEOPLE_BY_ID, RELATIONS, ROLES, type PersonRecord, type RelationRecord, type RoleRecord } from "../person/person.js";
import { evidenceByKey, sourceRef, type StoredEvidence } from "./evidence.js";
import { INPUT } from "./input.js";
import {
  checkReferences,
  curate,
  idRefs,
  lockKey,
  locking,
  sourceRefs,
  type CurationTx,
  type MutationPlan,
  type Reference,
  type Written,
} from "./transaction.js";
import { Problems, parseWith, UserErrors } from "./userErrors.js";

const roleShape = (r: RoleInput) => ({
  id: r.id,
  title: r.title,
  organizationId: r.organizationId ?? null,
  countryId: r.countryId ?? null,
  from: r.from ?? null,
  to: r.to ?? null,
  sources: r.sources,
});
const relationShape = (r: RelationInput) => ({ kind: r.kind, toPersonId: r.toPersonId, sources: r.sources });

/** The seed schema's checks plus the rules that span fields; throws every problem found. */
function checkPerson(raw: unknown): SeedPerson {
  const problems = new Problems();
  const person = parseWith(personSchema, raw, INPUT, problems);
  if (person) {
    const roleIds = new Set<string>();
    person.roles.forEach((role, i) => {
      if (role.organizationId === null && role.countryId === null)
        problems.add([...INPUT, "roles", i], "INVALID", "a role needs an organizationId or a countryId");
      if (role.from !== null && role.to !== null && compareDates(role.from, role.to) > 0)
        problems.add([...INPUT, "roles", i, "from"], "INVERTED_RANGE", `from ${role.from} is after to ${role.to}`);
      if (roleIds.has(role.id)) problems.add([...INPUT, "roles", i, "id"], "DUPLICATE", `role ${JSON.stringify(role.id)} is listed twice`);
      roleIds.add(role.id);
    });
    const relations = new Set<string>();
    person.relations.forEach((relation, i) => {
      if (relation.toPersonId === person.id) problems.add([...INPUT, "relations", i, "toPersonId"], "INVALID", "a person cannot be related to themself");
      const key = `${relation.kind} ${relation.toPersonId}`;
      if (relations.has(key))
        problems.add([...INPUT, "relations", i], "DUPLICATE", `relation ${relation.kind} to ${JSON.stringify(relation.toPersonId)} is listed twice`);
      relations.add(key);
    });
  }
  problems.throwIfAny();
  return person!;
}

function personReferences(person: SeedPerson): Reference[] {
  return [
    ...idRefs([...INPUT, "countryIds"], "Country", person.countryIds),
    ...person.roles.flatMap((role, i): Reference[] => [
      { field: [...INPUT, "roles", i, "organizationId"], label: "Organization", id: role.organizationId },
      { field: [...INPUT, "roles", i, "countryId"], label: "Country", id: role.countryId },
      ...sourceRefs([...INPUT, "roles", i, "sources"], role.sources),
    ]),
    ...person.relations.flatMap((relation, i): Reference[] => [
      { field: [...INPUT, "relations", i, "toPersonId"], label: "Person", id: relation.toPersonId },
      ...sourceRefs([...INPUT, "relations", i, "sources"], relation.sources),
    ]),
  ];
}

// An id a merge retired stays the survivor's; a role belongs to one person.
const PERSON_CONFLICTS = `
OPTIONAL MATCH (:PersonRedirect {id: $id})-[:MERGED_INTO]->(survivor:Person)
CALL () {
  UNWIND $roleIds AS roleId
  MATCH (holder:Person)-[:HOLDS]->(:Role {id: roleId})
  WHERE holder.id <> $id
  RETURN collect({roleId: roleId, holderId: holder.id}) AS foreignRoles
}
RETURN survivor.id AS mergedInto, foreignRoles`;

// What a person's description replaces: their roles, countries and relations to others (relations to them stay).
const CLEAR_PERSON = `
MATCH (p:Person {id: $id})
CALL (p) { MATCH (p)-[:HOLDS]->(role:Role) DETACH DELETE role }
CALL (p) { MATCH (p)-[x:OF_COUNTRY|RELATED]->(n) DELETE x RETURN collect(CASE WHEN n:Person THEN n.id END) AS relatedIds }
RETURN relatedIds`;

/** Writes `person` as described, replacing what it held; references and conflicts checked first. */
async function putPerson(tx: CurationTx, person: SeedPerson): Promise<Written> {
  const problems = new Problems();
  await checkReferences(tx, personReferences(person), problems);
  const [conflicts] = await tx.run<{ mergedInto: string | null; foreignRoles: { roleId: string; holderId: string }[] }>(PERSON_CONFLICTS, {
    id: person.id,
    roleIds: person.roles.map((r) => r.id),
  });
  if (conflicts?.mergedInto)
    problems.add(
      [...INPUT, "id"],
      "CONFLICT",
      `${JSON.stringify(person.id)} was merged into ${JSON.stringify(conflicts.mergedInto)}; change that person instead`,
    );
  for (const { roleId, holderId } of conflicts?.foreignRoles ?? []) {
    problems.add(
      [...INPUT, "roles", person.roles.findIndex((r) => r.id === roleId), "id"],
      "CONFLICT",
      `role ${JSON.stringify(roleId)} belongs to ${JSON.stringify(holderId)}`,
    );
  }
  problems.throwIfAny();
  const [cleared] = await tx.run<{ relatedIds: string[] }>(CLEAR_PERSON, { id: person.id });
  await writePeople(tx.run, [person]);
  // The people it is no longer related to: their lists of relations lose it. (Countries are hubs, whose lists every write drops.)
  const unrelated = (cleared?.relatedIds ?? []).filter((id) => !person.relations.some((r) => r.toPersonId === id));
  return { id: person.id, entityIds: [person.id, ...person.roles.map((r) => r.id)], relinkedIds: unrelated };
}

/** People by id, merged ids answering their survivor (the read API's own lookup, inside the transaction, behind the locks not taken yet). */
async function resolvePeople(tx: CurationTx, ids: string[]): Promise<Map<string, Required<PersonRecord>>> {
  const rows = await locking(tx)<{ id: string; node: Required<PersonRecord> }>(PEOPLE_BY_ID, { ids });
  return new Map(rows.map((r) => [r.id, r.node]));
}

/**
 * People by id as resolvePeople gives them, holding the lock of every survivor a merged id stands
 * for (the ids' own locks are the mutation's): a survivor can be merged on while its lock is
 * awaited, so the read is repeated until it names no survivor not yet locked.
 */
async function resolveLocked(tx: CurationTx, ids: string[]): Promise<Map<string, Required<PersonRecord>>> {
  const locked = new Set(ids);
  for (;;) {
    const people = await resolvePeople(tx, ids);
    const survivors = [...new Set([...people.values()].map((p) => p.id))].filter((id) => !locked.has(id));
    if (survivors.length === 0) return people;
    await tx.lock(survivors.map((id) => lockKey("Person", id)));
    for (const id of survivors) locked.add(id);
  }
}

/** A stored person in the shape of the input, from the read API's own Cypher. */
// How each of a person's sourced facts is known, so writing the person again keeps it (the read API's lists may not carry it).
const PERSON_EVIDENCE = `
MATCH (:Person {id: $id})-[:HOLDS]->(role:Role)-[ref:SOURCED_BY]->(source:Source)
RETURN ["role", role.id, source.id] AS key, ref.basis AS basis, ref.note AS note
UNION ALL
MATCH (:Person {id: $id})-[relation:RELATED]->(other:Person)
UNWIND range(0, size(coalesce(relation.sourceIds, [])) - 1) AS i
RETURN ["relation", relation.kind, other.id, relation.sourceIds[i]] AS key, relation.bases[i] AS basis, relation.notes[i] AS note`;

async function personState(tx: CurationTx, record: Required<PersonRecord>): Promise<SeedPerson> {
  const ids = [record.id];
  const [countries] = await tx.run<{ items: string[] }>(COUNTRY_IDS, { ids });
  const [roles] = await tx.run<{ items: RoleRecord[] }>(ROLES, { ids });
  const [relations] = await tx.run<{ items: RelationRecord[] }>(RELATIONS, { ids });
  const stored = evidenceByKey(await tx.run<StoredEvidence>(PERSON_EVIDENCE, { id: record.id }));
  return {
    id: record.id,
    name: record.name,
    aliases: record.aliases,
    countryIds: countries?.items ?? [],
    roles: (roles?.items ?? []).map((role) => ({
      ...role,
      sources: role.sources.map((s) => ({ ...stored.get(JSON.stringify(["role", role.id, s.sourceId])), ...sourceRef(s) })),
    })) as SeedPerson["roles"],
    relations: (relations?.items ?? [])
      .filter((r) => r.direction === "OUTGOING")
      .map((r) => ({
        kind: r.kind,
        toPersonId: r.personId,
        sources: r.sources.map((s) => ({ ...stored.get(JSON.stringify(["relation", r.kind, r.personId, s.sourceId])), ...sourceRef(s) })),
      })) as SeedPerson["relations"],
  };
}

/**
 * A person's own lock, the locks of the people their relations point at (so none of them is merged
 * away while the relation is written) and of their roles (a role id is held by one person).
 */
const personLocks = (person: { id: string; roles?: readonly { id: string }[] | null; relations?: readonly { toPersonId: string }[] | null }) => [
  lockKey("Person", person.id),
  ...(person.relations ?? []).map((r) => lockKey("Person", r.toPersonId)),
  ...(person.roles ?? []).map((r) => lockKey("Role", r.id)),
];

export const createPersonPlan = (input: PersonInput): MutationPlan<SeedPerson> => ({
  check: () =>
    checkPerson({
      ...input,
      aliases: input.aliases ?? [],
      countryIds: input.countryIds ?? [],
      roles: (input.roles ?? []).map(roleShape),
      relations: (input.relations ?? []).map(relationShape),
    }),
  locks: personLocks,
  work: putPerson,
  references: personReferences,
});

export const createPerson = (ctx: Context, input: PersonInput) => curate(ctx, "createPerson", input, createPersonPlan(input));

/** What article ingest adds to a stored person: roles (a role they hold already gets these sources) and relations (an existing one gets these sources). */
export interface PersonAdditionsInput {
  id: string;
  roles?: RoleInput[];
  relations?: RelationInput[];
}

/** `stored` with `added` merged in by `same`: a match gets the added sources it lacks, the rest is appended. */
function withAdded<T extends { sources: SeedPerson["roles"][number]["sources"] }>(stored: T[], added: T[], same: (a: T, b: T) => boolean): T[] {
  const merged = stored.map((s) => {
    const more = added.find((a) => same(a, s));
    return more ? { ...s, sources: [...s.sources, ...more.sources.filter((m) => !s.sources.some((x) => x.sourceId === m.sourceId))] } : s;
  });
  return [...merged, ...added.filter((a) => !stored.some((s) => same(a, s)))];
}

export const personAdditionsPlan = (input: PersonAdditionsInput): MutationPlan<PersonAdditionsInput> => ({
  check: () => input,
  locks: () => personLocks(input),
  work: async (tx) => {
    const record = (await resolveLocked(tx, [input.id])).get(input.id);
    if (!record || record.id !== input.id)
      throw new UserErrors([
        {
          field: [...INPUT, "id"],
          code: "NOT_FOUND",
          message: `no person ${JSON.stringify(input.id)}${record ? ` (it was merged into ${JSON.stringify(record.id)}: use that id)` : ""}`,
        },
      ]);
    const state = await personState(tx, record);
    // Parsed on their own first, so the sources carry the schema's defaults before they are compared.
    const added = checkPerson({ ...state, roles: (input.roles ?? []).map(roleShape), relations: (input.relations ?? []).map(relationShape) });
    return putPerson(
      tx,
      checkPerson({
        ...state,
        roles: withAdded(state.roles, added.roles, (a, b) => a.id === b.id),
        relations: withAdded(state.relations, added.relations, (a, b) => a.kind === b.kind && a.toPersonId === b.toPersonId),
      }),
    );
  },
});

export const updatePerson = (ctx: Context, input: UpdatePersonInput) =>
  curate(ctx, "updatePerson", input, {
    check: () => input,
    locks: () => personLocks(input),
    work: async (tx) => {
      // A merged id edits its survivor.
      const record = (await resolveLocked(tx, [input.id])).get(input.id);
      if (!record) throw new UserErrors([{ field: [...INPUT, "id"], code: "NOT_FOUND", message: `no person ${JSON.stringify(input.id)}` }]);
      const changes = compact({
        name: input.name,
        aliases: input.aliases,
        countryIds: input.countryIds,
        roles: input.roles?.map(roleShape),
        relations: input.relations?.map(relationShape),
      });
      return putPerson(tx, checkPerson({ ...(await personState(tx, record)), ...changes }));
    },
  });

const mergeSchema = z.strictObject({ survivorId: personSchema.shape.id, mergedId: personSchema.shape.id });

/** Keeps both sides' provenance on the surviving edge `kept`: sources `old` has that `kept` lacks are appended. */
const KEEP_PROVENANCE = `
  WITH old, kept, [i IN range(0, size(coalesce(old.sourceIds, [])) - 1) WHERE NOT old.sourceIds[i] IN coalesce(kept.sourceIds, [])] AS extra
  SET kept.sourceIds = coalesce(kept.sourceIds, []) + [i IN extra | old.sourceIds[i]],
      kept.excerpts = coalesce(kept.excerpts, []) + [i IN extra | old.excerpts[i]],
      kept.bases = coalesce(kept.bases, []) + [i IN extra | coalesce(old.bases[i], "STATED")],
      kept.notes = coalesce(kept.notes, []) + [i IN extra | coalesce(old.notes[i], "")]`;

/**
 * Moves everything of `loser` to `survivor`, leaves a redirect for the loser's id and deletes the
 * loser. The final DELETE (not DETACH) fails the transaction if any relationship was not moved.
 */
const MERGE_PEOPLE = `
MATCH (loser:Person {id: $mergedId}), (survivor:Person {id: $survivorId})
CALL (loser, survivor) { MATCH (loser)-[old:HOLDS]->(x) MERGE (survivor)-[:HOLDS]->(x) DELETE old }
CALL (loser, survivor) { MATCH (loser)-[old:OF_COUNTRY]->(x) MERGE (survivor)-[:OF_COUNTRY]->(x) DELETE old }
CALL (loser, survivor) { MATCH (loser)-[old:SAID]->(x) MERGE (survivor)-[:SAID]->(x) DELETE old }
CALL (loser, survivor) {
  MATCH (loser)-[old:ATTENDED]->(m)
  MERGE (survivor)-[kept:ATTENDED]->(m)
  SET kept.role = coalesce(kept.role, old.role), kept.delegationCountryId = coalesce(kept.delegationCountryId, old.delegationCountryId)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) {
  MATCH (loser)-[old:RELATED]->(other) WHERE other <> survivor
  MERGE (survivor)-[kept:RELATED {kind: old.kind}]->(other)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) {
  MATCH (other)-[old:RELATED]->(loser) WHERE other <> survivor
  MERGE (other)-[kept:RELATED {kind: old.kind}]->(survivor)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) { MATCH (loser)-[old:RELATED]-(survivor) DELETE old }
CALL (loser, survivor) { MATCH (r:PersonRedirect)-[old:MERGED_INTO]->(loser) MERGE (r)-[:MERGED_INTO]->(survivor) DELETE old }
CREATE (:PersonRedirect {id: loser.id, name: loser.name, mergedAt: datetime(), mergedBy: $actor})-[:MERGED_INTO]->(survivor)
SET survivor.aliases = $aliases, survivor.searchText = $searchText
DELETE loser`;

/** What a merge of person `p` rewrites besides the two people. */
const AROUND = `
RETURN coalesce([(p)-[:ATTENDED]->(m:Meeting) | m.id], []) AS meetingIds,
       coalesce([(p)-[:SAID]->(st:Statement) | st.id], []) AS statementIds,
       coalesce([(p)-[:RELATED]-(other:Person) | other.id], []) AS relatedIds`;

const AROUND_PERSON = `
MATCH (p:Person {id: $id})
${AROUND}`;

/** The two people of a merge by id (PEOPLE_BY_ID's lookup), with what is around a live person of id `$mergedId`, in one read. */
const MERGE_PARTIES = `
CALL () {${PEOPLE_BY_ID}
}
WITH collect({id: id, node: node}) AS people
OPTIONAL MATCH (p:Person {id: $mergedId})
${AROUND}, people`;

interface Around {
  meetingIds: string[];
  statementIds: string[];
  relatedIds: string[];
}

/**
 * The merge's two people, merged ids answering their survivors, and what is around the merged one,
 * all read with their locks held: in one read, unless an id stands for a survivor not locked yet
 * (resolveLocked then locks it and reads again).
 */
async function mergeParties(tx: CurationTx, survivorId: string, mergedId: string) {
  const ids = [survivorId, mergedId];
  const [read] = await locking(tx)<Around & { people: { id: string; node: Required<PersonRecord> }[] }>(MERGE_PARTIES, { ids, mergedId });
  const { people: found, ...around } = read!;
  const people = new Map(found.map((r) => [r.id, r.node]));
  if ([...people.values()].every((p) => ids.includes(p.id))) return { people, around };
  const resolved = await resolveLocked(tx, ids);
  const merged = resolved.get(mergedId);
  const [moved] = merged ? await tx.run<Around>(AROUND_PERSON, { id: merged.id }) : [];
  return { people: resolved, around: moved ?? { meetingIds: [], statementIds: [], relatedIds: [] } };
}

export const mergePeople = (ctx: Context, input: MergePeopleInput) =>
  curate(ctx, "mergePeople", input, {
    check: () => {
      const problems = new Problems();
      const ids = parseWith(mergeSchema, input, INPUT, problems);
      if (ids && ids.survivorId === ids.mergedId) problems.add([...INPUT, "mergedId"], "INVALID", "a person cannot be merged into themself");
      problems.throwIfAny();
      return ids!;
    },
    locks: ({ survivorId, mergedId }) => [lockKey("Person", survivorId), lockKey("Person", mergedId)],
    work: async (tx, { survivorId, mergedId }) => {
      // An id merged earlier stands for its survivor. Nothing can attach to the merged person meanwhile:
      // that takes their lock, held since the start.
      const { people, around } = await mergeParties(tx, survivorId, mergedId);
      const survivor = people.get(survivorId);
      const merged = people.get(mergedId);
      const problems = new Problems();
      if (!survivor) problems.add([...INPUT, "survivorId"], "UNKNOWN_REFERENCE", `unknown person ${JSON.stringify(survivorId)}`);
      if (!merged) problems.add([...INPUT, "mergedId"], "UNKNOWN_REFERENCE", `unknown person ${JSON.stringify(mergedId)}`);
      problems.throwIfAny();
      const entityIds = [survivorId, mergedId];
      // Already one person (a repeated merge, or the two were merged the other way round): nothing to do.
      if (survivor!.id === merged!.id) return { id: survivor!.id, entityIds };
      const aliases = [...new Set([...survivor!.aliases, merged!.name, ...merged!.aliases])].filter((alias) => alias !== survivor!.name);
      // What the merge rewrites besides the two people is locked too, first in the merge's statement, so no edit of it interleaves.
      const locks = tx.lock.inStatement([
        ...around.relatedIds.map((id) => lockKey("Person", id)),
        ...around.meetingIds.map((id) => lockKey("Meeting", id)),
        ...around.statementIds.map((id) => lockKey("Statement", id)),
      ]);
      const written = [...entityIds, survivor!.id, merged!.id];
      await tx.runAudited(
        `${locks.cypher}\n${MERGE_PEOPLE}`,
        {
          ...locks.params,
          survivorId: survivor!.id,
          mergedId: merged!.id,
          aliases,
          searchText: searchText(survivor!.name, ...aliases),
          actor: tx.actor.actor,
        },
        written,
      );
      // The merged person's meetings are the survivor's now: their other participants met someone else.
      return { id: survivor!.id, entityIds: written, relinkedIds: around.meetingIds };
    },
  });

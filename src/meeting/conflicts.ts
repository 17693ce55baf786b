/**
 * Conflicts: the claims of a meeting judged by src/model/conflicts.ts, with the place ancestries
 * and earlier meetings the rules need, each read in one batched statement per request.
 */
import DataLoader from "dataloader";
import type { ConflictFilter } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { compact } from "../graphql/input.js";
import { listsOfCypher } from "../db/connections.js";
import { listsById } from "../db/loaders.js";
import { cursorKeys, isAfter, pageOfList, pageSize, type Connection, type Edge, type KeyValue, type PageArgs } from "../db/pagination.js";
import { CONFLICT_FIELDS, conflictsOf, LONGEST_TO_DATE, type EarlierMeeting, type PlaceChain } from "../model/conflicts.js";
import { CLAIM_FIELDS, CLAIM_ORDER, type ClaimRecord } from "./claimFields.js";

export interface ConflictRecord {
  meetingId: string;
  field: string;
  claims: ClaimRecord[];
  compatible: boolean;
  explanation: string;
}
export type ConflictConnectionRecord = Connection<ConflictRecord>;
export type ConflictEdgeRecord = Edge<ConflictRecord>;

/** The place with id `placeId` and the places it lies within, innermost first; [] when there is no such place. */
export const PLACE_CHAIN = `COLLECT {
  MATCH path = (:Place {id: placeId})-[:WITHIN*0..]->(p:Place)
  WITH p ORDER BY length(path)
  RETURN p {.id, .name}
}`;

/**
 * The meetings held before meeting `m` by at least two of its participants together, with their
 * standing duration claims: what a `longest-to-date` record is measured against.
 */
export const EARLIER_MEETINGS = `COLLECT {
  MATCH (m)<-[:ATTENDED]-(:Person)-[:ATTENDED]->(earlier:Meeting)
  WHERE earlier.dateStart < m.dateStart
  WITH earlier, count(*) AS together WHERE together >= 2
  WITH earlier ORDER BY earlier.dateStart, earlier.id
  RETURN {
    date: earlier.date, title: earlier.title,
    durationClaims: COLLECT {
      MATCH (earlier)-[:HAS_DURATION]->(c:DurationClaim) WHERE c.retractedAt IS NULL
      WITH c ORDER BY ${CLAIM_ORDER}
      RETURN ${CLAIM_FIELDS}
    }
  }
}`;

const PLACE_CHAINS = `
UNWIND $ids AS placeId
RETURN placeId AS id, ${PLACE_CHAIN} AS items`;

/**
 * The meetings, by date, with a field the rules compare on which standing claims differ, or with a
 * record claim. The rules then decide which of them hold conflicts.
 */
const CONFLICTED_MEETING_IDS = `
MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)
WHERE c.retractedAt IS NULL AND c.field IN $fields
  AND ($filter.meetingId IS NULL OR m.id = $filter.meetingId)
  AND ($filter.field IS NULL OR c.field = $filter.field)
WITH m, c.field AS field, count(DISTINCT c.value) AS values
WHERE values > 1 OR field = 'record'
WITH DISTINCT m ORDER BY m.dateStart, m.id
RETURN m.id AS id, toString(m.dateStart) AS date`;

/** Each value of a list of loads: a failed load fails them all, as a single load would. */
async function all<T>(loads: Promise<(T | Error)[]>): Promise<T[]> {
  const values = await loads;
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) throw failed;
  return values as T[];
}

/** What the rules read beyond a meeting's claims, by place id and by meeting id: a page that read them with its meeting primes them. */
export function createConflictContextLoaders(db: Neo4jExecutor) {
  return {
    placeChains: listsById<PlaceChain[number]>(db, "conflicts.placeChains", PLACE_CHAINS),
    earlierMeetings: listsById<EarlierMeeting<ClaimRecord>>(db, "conflicts.earlierMeetings", listsOfCypher("m", "Meeting", EARLIER_MEETINGS)),
  };
}

/**
 * The conflicts of each meeting, judged for a whole batch of meetings at once: their claims, then
 * the places and earlier meetings of all of them together. Every meeting's conflicts are ready at
 * the same time, so what clients select below them is batched across the batch too.
 */
export function createConflictsLoader(
  claimsByMeeting: DataLoader<string, ClaimRecord[]>,
  { placeChains, earlierMeetings }: ReturnType<typeof createConflictContextLoaders>,
) {
  return new DataLoader<string, ConflictRecord[]>(async (ids) => {
    const claims = await all(claimsByMeeting.loadMany(ids));
    // Places matter only where a meeting's sources name more than one.
    const placeIds = [
      ...new Set(
        claims.flatMap((list) => {
          const named = new Set(list.filter((c) => c.field === "place").map((c) => c.value));
          return named.size > 1 ? [...named] : [];
        }),
      ),
    ];
    const recordIds = ids.filter((_id, i) => claims[i]!.some((c) => c.field === "record" && c.value === LONGEST_TO_DATE));
    const [chains, earlier] = await Promise.all([all(placeChains.loadMany(placeIds)), all(earlierMeetings.loadMany(recordIds))]);
    const places = new Map(placeIds.map((id, i) => [id, chains[i]!] as const).filter(([, chain]) => chain.length > 0));
    const earlierById = new Map(recordIds.map((id, i) => [id, earlier[i]!]));
    return ids.map((meetingId, i) =>
      conflictsOf(claims[i]!, { places, earlierMeetings: earlierById.get(meetingId) ?? [] }).map((conflict) => ({ meetingId, ...conflict })),
    );
  });
}

/** A conflict's place in the list: its meeting's date and id, then its field. */
const CONFLICT_KEY_COUNT = 3;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Candidate meetings judged at a time when a page needs no total: enough for most pages, and one statement per stage each. */
const JUDGED_PER_ROUND = 100;

/**
 * Query.conflicts: the candidate meetings come from one statement, their conflicts from the
 * batched loaders; the rules run here, so the filter on `compatible` and on a source (which may
 * be an earlier meeting's, for a record) is applied to their verdicts, and the page is cut from
 * those. Without `totalCount` the candidates are judged a round at a time, only until the page is
 * full: a large graph has many candidates.
 */
export async function conflictConnection(
  db: Neo4jExecutor,
  loaders: Context["loaders"],
  input: ConflictFilter | null | undefined,
  args: PageArgs,
  counted: boolean,
): Promise<ConflictConnectionRecord> {
  const filter = compact(input ?? {});
  const rows = await db.read<{ id: string; date: string }>("conflicts.meetingIds", CONFLICTED_MEETING_IDS, {
    fields: CONFLICT_FIELDS,
    filter: { meetingId: null, field: null, ...filter },
  });
  const dates = new Map(rows.map(({ id, date }) => [id, date]));
  const keysOf = (c: ConflictRecord): KeyValue[] => [dates.get(c.meetingId)!, c.meetingId, c.field];
  const after = cursorKeys(args, CONFLICT_KEY_COUNT);
  // A page needs no meeting before the cursor's, nor, without a total, more conflicts than it shows.
  const candidates = after && !counted ? rows.filter(({ id, date }) => !isAfter(after.slice(0, 2), [date, id])) : rows;
  const [wanted, round] = counted ? [Infinity, candidates.length] : [pageSize(args.first) + 1, JUDGED_PER_ROUND];
  const matching: ConflictRecord[] = [];
  let pastCursor = 0;
  for (let start = 0; start < candidates.length && pastCursor < wanted; start += round) {
    const ids = candidates.slice(start, start + round).map((row) => row.id);
    // By field within a meeting, as the cursor's keys run (claims come by field, so they mostly are already).
    const conflicts = (await all(loaders.meetingConflicts.loadMany(ids))).flatMap((ofMeeting) => ofMeeting.toSorted((a, b) => compareText(a.field, b.field)));
    const kept = conflicts.filter(
      (c) =>
        (filter.field === undefined || c.field === filter.field) &&
        (filter.compatible === undefined || c.compatible === filter.compatible) &&
        (filter.sourceId === undefined || c.claims.some((claim) => claim.sourceId === filter.sourceId)),
    );
    matching.push(...kept);
    pastCursor += after ? kept.filter((c) => isAfter(keysOf(c), after)).length : kept.length;
  }
  const page = pageOfList(matching, args, keysOf, CONFLICT_KEY_COUNT);
  return counted ? page : { ...page, totalCount: undefined };
}

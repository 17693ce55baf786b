/**
 * MeetingFilter: validated in TypeScript, applied in Cypher. The statement is put together from
 * constant fragments, one per condition the filter sets, starting from the most selective thing
 * it names; the values always travel as parameters (`f`). A statement without the conditions a
 * filter leaves unset is one the planner serves well, and each shape's plan is cached.
 *
 * The fragments read the caller's `f` and `m` (and the anchor it names); every variable they bind
 * themselves starts with `filter`, which no caller's may: a subquery sees the variables around
 * it, so a caller's `p` or `c` would silently become the fragment's (tests/cypher-shapes.test.ts
 * plans every fragment in every statement that composes it).
 */
import type { MeetingFilter, MeetingOrder } from "../__generated__/resolvers.js";
import type { OrderKey } from "../db/connections.js";
import { badUserInput } from "../graphql/errors.js";
import { compact, idList } from "../graphql/input.js";
import { dayRange } from "../graphql/scalars.js";

/** The filter as the Cypher reads it (`f`): absent fields impose nothing. */
export type MeetingFilterParams = ReturnType<typeof meetingFilter>;

export function meetingFilter(input: MeetingFilter | null | undefined, argument = "filter") {
  const filter = input ?? {};
  for (const bound of ["minDurationMinutes", "maxDurationMinutes"] as const) {
    const value = filter[bound];
    if (value !== null && value !== undefined && value < 0) throw badUserInput(`${argument}.${bound}`, `must not be negative, got ${value}`);
  }
  const { minDurationMinutes: min, maxDurationMinutes: max } = filter;
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw badUserInput(`${argument}.minDurationMinutes`, `${min} is above ${argument}.maxDurationMinutes ${max}`);
  }
  const participantIds = filter.participantIds ? idList(filter.participantIds, `${argument}.participantIds`) : undefined;
  return compact({ ...filter, participantIds, ...dayRange(filter.from, filter.to, argument) });
}

/** The same filter narrowed to meetings that these people also attended (a person's or a group's meetings). */
export function withParticipants(filter: MeetingFilterParams, personIds: string[]): MeetingFilterParams {
  return { ...filter, participantIds: [...new Set([...(filter.participantIds ?? []), ...personIds])] };
}

export const DEFAULT_MEETING_ORDER: MeetingOrder = "DATE_ASC";

/** Where a filter's candidate meetings come from. */
export type Anchor = "participant" | "country" | "place" | "none";

export function anchorOf(f: MeetingFilterParams): Anchor {
  if (f.participantIds) return "participant";
  if (f.countryId) return "country";
  if (f.placeId) return "place";
  return "none";
}

/**
 * Binds `m` to the meetings filter `f` could match, from its anchor instead of every meeting: the
 * participant with the fewest meetings (degrees come from Neo4j's degree store, so picking is
 * cheap), the country, the place. Only people attend and only meetings are held at places
 * (src/db/writes.ts), so no label is checked per meeting. `WITH *` carries the caller's
 * variables (the request `r` of a batch) through.
 *
 * The participant anchor binds the other participants as nodes (`filterOthers`) before it
 * walks the anchor's meetings: each meeting then checks an edge between two bound nodes, where
 * looking each person up by id per meeting cost Neo4j 2.7 ms more per `timeTogether` in bench/.
 * A filter naming someone who does not exist matches nothing.
 */
const CANDIDATES: Record<Anchor, string> = {
  participant: `
  WITH *, COLLECT { MATCH (filterParticipant:Person) WHERE filterParticipant.id IN f.participantIds RETURN filterParticipant ORDER BY COUNT { (filterParticipant)-[:ATTENDED]->() } } AS filterParticipants
  WHERE size(filterParticipants) = size(f.participantIds)
  WITH *, filterParticipants[0] AS filterAnchor, filterParticipants[1..] AS filterOthers
  MATCH (filterAnchor)-[:ATTENDED]->(m)`,
  country: `
  MATCH (:Country {id: f.countryId})<-[:WITHIN*1..]-(:Place)<-[:HELD_AT]-(m)`,
  place: `
  MATCH (:Place {id: f.placeId})<-[:WITHIN*0..]-(:Place)<-[:HELD_AT]-(m)`,
  none: `
  MATCH (m:Meeting)`,
};

/** Each condition a filter can set, on meeting `m`. Places and countries match at any depth (the Kremlin is in Moscow is in Russia). */
const CONDITIONS: Record<Exclude<keyof MeetingFilterParams, "participantIds">, string> = {
  countryId: `EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*1..]->(:Country {id: f.countryId}) }`,
  placeId: `EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*0..]->(:Place {id: f.placeId}) }`,
  from: `m.dateEnd >= filterFrom`,
  to: `m.dateStart <= filterTo`,
  minDurationMinutes: `m.durationMinutes >= f.minDurationMinutes`,
  maxDurationMinutes: `m.durationMinutes <= f.maxDurationMinutes`,
  topicId: `EXISTS { (m)-[:ABOUT]->(:Topic {id: f.topicId}) }`,
  sourceId: `(EXISTS { (m)-[:HAS_CLAIM|HAS_DURATION]->(filterClaim:Claim)-[:FROM]->(:Source {id: f.sourceId}) WHERE filterClaim.retractedAt IS NULL }
       OR EXISTS { (:Person)-[filterAttendance:ATTENDED]->(m) WHERE f.sourceId IN filterAttendance.sourceIds })`,
};

/** Binds the filter's dates as dates once, not once per meeting compared with them: goes before the MATCH that `meetingMatches` filters. */
export function filterDates(f: MeetingFilterParams): string {
  const dates = [f.from !== undefined ? "date(f.from) AS filterFrom" : null, f.to !== undefined ? "date(f.to) AS filterTo" : null].filter(Boolean);
  return dates.length > 0 ? `WITH *, ${dates.join(", ")}` : "";
}

/**
 * With a participant anchor bound as `anchor` by the caller (a person's counterparts), binds
 * `filterOthers` as the participant anchor of `meetingsMatching` does, for `meetingMatches`.
 * The prefix matters here too: inside `CALL (r, p) { WITH p AS me … }` Neo4j 5.26 bound a
 * subquery's `p` to the imported one, so the subquery found nobody.
 */
export function otherParticipantsOf(f: MeetingFilterParams, anchor: string): string {
  return f.participantIds
    ? `WITH *, COLLECT { MATCH (filterParticipant:Person) WHERE filterParticipant.id IN f.participantIds AND filterParticipant <> ${anchor} RETURN filterParticipant } AS filterOthers
  WHERE size(filterOthers) = size([filterId IN f.participantIds WHERE filterId <> ${anchor}.id])`
    : "";
}

/**
 * True when meeting `m` passes filter `f`, except for what `anchor` already guarantees. A filter
 * with participants has the participant anchor, and `filterOthers` must be bound (see
 * CANDIDATES). The dates must be bound by `filterDates`.
 */
export function meetingMatches(f: MeetingFilterParams, anchor: Anchor): string {
  const conditions = (Object.keys(CONDITIONS) as (keyof typeof CONDITIONS)[])
    .filter((field) => f[field] !== undefined && !(field === "countryId" && anchor === "country") && !(field === "placeId" && anchor === "place"))
    .map((field) => CONDITIONS[field]);
  if (f.participantIds) conditions.unshift(`all(filterParticipant IN filterOthers WHERE EXISTS { (filterParticipant)-[:ATTENDED]->(m) })`);
  return conditions.length > 0 ? conditions.join("\n  AND ") : "true";
}

/**
 * Binds `m` to each meeting that passes filter `f`. `pageOrder` is for a page that stops at its
 * last row: checking other participants' attendance costs more per meeting than reading sort
 * keys, so the anchor's meetings are ordered first and checked only until the page is full. Left
 * to itself the planner checks them all first (Neo4j CPU for meetingsBetween in bench/: 9.5 ms
 * that way, 7.2 ms ordered first).
 */
export function meetingsMatching(f: MeetingFilterParams, pageOrder?: string): string {
  const anchor = anchorOf(f);
  const orderFirst =
    pageOrder && f.participantIds && f.participantIds.length > 1
      ? `
  WITH * ORDER BY ${pageOrder}`
      : "";
  return `${filterDates(f)}${CANDIDATES[anchor]}${orderFirst}
  WITH * WHERE ${meetingMatches(f, anchor)}`;
}

/** ORDER BY expressions for each MeetingOrder: unknown durations sort last in both duration orders; the id makes the order total. */
export const MEETING_ORDERS: Record<MeetingOrder, OrderKey[]> = {
  DATE_ASC: [{ by: "m.dateStart" }, { by: "m.id" }],
  DATE_DESC: [{ by: "m.dateStart", descending: true }, { by: "m.id" }],
  DURATION_ASC: [{ by: "m.durationMinutes IS NULL" }, { by: "m.durationMinutes" }, { by: "m.dateStart" }, { by: "m.id" }],
  DURATION_DESC: [{ by: "m.durationMinutes IS NULL" }, { by: "m.durationMinutes", descending: true }, { by: "m.dateStart" }, { by: "m.id" }],
};

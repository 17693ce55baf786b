/**
 * MeetingFilter: validated in TypeScript, applied in Cypher by one fragment with every condition
 * written as `(param IS NULL OR …)`, so every combination runs the same parameterized statement.
 */
import type { MeetingFilter, MeetingOrder } from "../__generated__/resolvers.js";
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

/**
 * Binds `m` to the meetings filter `f` could match, starting from the most selective thing it
 * names (the participant with the fewest meetings, else the country, else the place) instead of
 * scanning every meeting. Degrees come from Neo4j's degree store, so picking the anchor is cheap.
 * Exactly one branch yields rows. It also binds `anchor` (what the candidates came from:
 * 'participant', 'country', 'place' or 'none') and `anchorPersonId`, so that `MEETING_MATCHES`
 * does not check again what the anchor already guarantees.
 */
export const MEETING_CANDIDATES = `
CALL (f) {
  WITH f WHERE f.participantIds IS NOT NULL
  UNWIND f.participantIds AS participantId
  MATCH (anchorPerson:Person {id: participantId})
  WITH anchorPerson ORDER BY COUNT { (anchorPerson)-[:ATTENDED]->() } LIMIT 1
  MATCH (anchorPerson)-[:ATTENDED]->(m:Meeting)
  RETURN m, 'participant' AS anchor, anchorPerson.id AS anchorPersonId
  UNION
  WITH f WHERE f.participantIds IS NULL AND f.countryId IS NOT NULL
  MATCH (:Country {id: f.countryId})<-[:WITHIN*1..]-(:Place)<-[:HELD_AT]-(m:Meeting)
  RETURN m, 'country' AS anchor, null AS anchorPersonId
  UNION
  WITH f WHERE f.participantIds IS NULL AND f.countryId IS NULL AND f.placeId IS NOT NULL
  MATCH (:Place {id: f.placeId})<-[:WITHIN*0..]-(:Place)<-[:HELD_AT]-(m:Meeting)
  RETURN m, 'place' AS anchor, null AS anchorPersonId
  UNION
  // A guard on f alone is applied after a label scan, not before it. So this branch seeks
  // the dateStart index with a range that is empty unless the filter has no anchor at all.
  WITH f, f.participantIds IS NULL AND f.countryId IS NULL AND f.placeId IS NULL AS unanchored
  MATCH (m:Meeting)
  WHERE m.dateStart >= CASE WHEN unanchored THEN date("0001-01-01") ELSE date("9999-12-31") END
  RETURN m, 'none' AS anchor, null AS anchorPersonId
}`;

/**
 * True when meeting `m` passes filter `f`. Places and countries match at any depth (the Kremlin
 * is in Moscow is in Russia). Reads `anchor` and `anchorPersonId` (see MEETING_CANDIDATES;
 * null when the meetings came from elsewhere) to skip the conditions the anchor guarantees:
 * re-walking the place hierarchy of every candidate was most of the cost of a country filter.
 */
export const MEETING_MATCHES = `
  (f.participantIds IS NULL OR all(pid IN f.participantIds WHERE pid = anchorPersonId OR EXISTS { (:Person {id: pid})-[:ATTENDED]->(m) }))
  AND (f.countryId IS NULL OR anchor = 'country' OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*1..]->(:Country {id: f.countryId}) })
  AND (f.placeId IS NULL OR anchor = 'place' OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*0..]->(:Place {id: f.placeId}) })
  AND (f.from IS NULL OR m.dateEnd >= date(f.from))
  AND (f.to IS NULL OR m.dateStart <= date(f.to))
  AND (f.minDurationMinutes IS NULL OR m.durationMinutes >= f.minDurationMinutes)
  AND (f.maxDurationMinutes IS NULL OR m.durationMinutes <= f.maxDurationMinutes)
  AND (f.topicId IS NULL OR EXISTS { (m)-[:ABOUT]->(:Topic {id: f.topicId}) })
  AND (f.sourceId IS NULL
       OR EXISTS { (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(:Source {id: f.sourceId}) WHERE c.retractedAt IS NULL }
       OR EXISTS { (:Person)-[a:ATTENDED]->(m) WHERE f.sourceId IN a.sourceIds })`;

/**
 * Orders meetings `m` by `r.order` (a MeetingOrder). One CASE per direction keeps the statement
 * constant; unknown durations sort last in both duration orders; the id makes the order total.
 */
export const MEETING_ORDER = `
  CASE WHEN r.order STARTS WITH 'DURATION' THEN m.durationMinutes IS NULL ELSE false END,
  CASE r.order WHEN 'DATE_ASC' THEN m.dateStart WHEN 'DURATION_ASC' THEN m.durationMinutes END,
  CASE r.order WHEN 'DATE_DESC' THEN m.dateStart WHEN 'DURATION_DESC' THEN m.durationMinutes END DESC,
  m.dateStart, m.id`;

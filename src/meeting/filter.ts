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

/** True when meeting `m` passes filter `f`. Places and countries match at any depth (the Kremlin is in Moscow is in Russia). */
export const MEETING_MATCHES = `
  (f.participantIds IS NULL OR all(pid IN f.participantIds WHERE EXISTS { (:Person {id: pid})-[:ATTENDED]->(m) }))
  AND (f.countryId IS NULL OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*1..]->(:Country {id: f.countryId}) })
  AND (f.placeId IS NULL OR EXISTS { (m)-[:HELD_AT]->(:Place)-[:WITHIN*0..]->(:Place {id: f.placeId}) })
  AND (f.from IS NULL OR m.dateEnd >= date(f.from))
  AND (f.to IS NULL OR m.dateStart <= date(f.to))
  AND (f.minDurationMinutes IS NULL OR m.durationMinutes >= f.minDurationMinutes)
  AND (f.maxDurationMinutes IS NULL OR m.durationMinutes <= f.maxDurationMinutes)
  AND (f.topicId IS NULL OR EXISTS { (m)-[:ABOUT]->(:Topic {id: f.topicId}) })
  AND (f.sourceId IS NULL
       OR EXISTS { (m)-[:HAS_CLAIM|HAS_DURATION]->(:Claim)-[:FROM]->(:Source {id: f.sourceId}) }
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

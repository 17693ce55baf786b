/** Who met whom: a person's counterparts over the meetings both attended, batched per request. */
import type { CounterpartOrder } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { byRequest } from "../graphql/loaders.js";
import { DURATION_SUMMARY } from "../meeting/duration.js";
import { MEETING_MATCHES, type MeetingFilterParams } from "../meeting/filter.js";
import type { TimeTogetherRecord } from "../meeting/meeting.js";

export interface CounterpartRecord {
  personId: string;
  meetingCount: number;
  time: TimeTogetherRecord["time"];
  firstMeetingId: string;
  lastMeetingId: string;
}

export interface CounterpartRequest {
  personId: string;
  filter: MeetingFilterParams;
  order: CounterpartOrder;
  limit: number;
}

// Meetings are collected in date order, so head and last are the first and last meeting.
const COUNTERPARTS = `
UNWIND $requests AS r
CALL (r) {
  WITH r, r.filter AS f
  MATCH (me:Person {id: r.personId})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(other:Person)
  WHERE other <> me AND ${MEETING_MATCHES}
  WITH r, other, m ORDER BY m.dateStart, m.id
  WITH r, other, collect(m) AS ms
  WITH r, other, ms, ${DURATION_SUMMARY} AS time
  ORDER BY
    CASE r.order WHEN 'TIME_TOGETHER' THEN time.minutes WHEN 'MEETING_COUNT' THEN size(ms) WHEN 'LAST_MEETING' THEN last(ms).dateStart END DESC,
    CASE r.order WHEN 'TIME_TOGETHER' THEN size(ms) WHEN 'MEETING_COUNT' THEN time.minutes END DESC,
    other.name, other.id
  WITH r, collect({personId: other.id, meetingCount: size(ms), time: time, firstMeetingId: head(ms).id, lastMeetingId: last(ms).id}) AS ranked
  RETURN ranked[0..r.limit] AS value
}
RETURN r.index AS index, value`;

export function createCounterpartLoaders(db: Neo4jExecutor) {
  return {
    counterparts: byRequest<CounterpartRequest, CounterpartRecord[]>(db, "people.counterparts", COUNTERPARTS, []),
  };
}

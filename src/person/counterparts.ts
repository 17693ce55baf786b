/** Who met whom: a person's counterparts over the meetings both attended, batched per request. */
import type { CounterpartOrder, PersonCounterpartsArgs } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { limitLiteral } from "../db/connections.js";
import { byRequest } from "../db/loaders.js";
import { selects, type Selection } from "../graphql/lookahead.js";
import { pageSize } from "../db/pagination.js";
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY_WITH_CONSENSUS } from "../meeting/duration.js";
import { filterDates, meetingFilter, meetingMatches, otherParticipantsOf, type MeetingFilterParams } from "../meeting/filter.js";
import { includedMeetingFields, selectedMeetingFields, type MeetingRecord, type TimeTogetherRecord } from "../meeting/meeting.js";
import { personFields, type PersonRecord } from "./person.js";

export interface CounterpartRecord {
  person: PersonRecord;
  meetingCount: number;
  time: TimeTogetherRecord["time"];
  /** Read only when the request selected them, with the fields it selected (see RankingRequest). */
  firstMeeting?: MeetingRecord | null;
  lastMeeting?: MeetingRecord | null;
}

/** A ranking of one person's counterparts, as the Cypher reads it (`cr`). */
export interface RankingRequest {
  filter: MeetingFilterParams;
  order: CounterpartOrder;
  limit: number;
  /** Find each counterpart's first and last meeting: two more reads per shared meeting, so only when asked. */
  withMeetingBounds: boolean;
  /** The fields selected of the first and last meetings (see selectedMeetingFields), read in the ranking's statement; absent when not selected. */
  firstMeeting?: string[];
  lastMeeting?: string[];
  /** Read the counterparts' aliases (only when selected: one more list per row to send). */
  withAliases: boolean;
}
export type CounterpartRequest = RankingRequest & { personId: string };
export type CounterpartCountRequest = Pick<CounterpartRequest, "personId" | "filter">;

/** What a `counterparts` selection asks for; `info` is the selection's (the field's own, or found by lookahead). */
export function rankingRequest(args: PersonCounterpartsArgs, info: Selection): RankingRequest {
  const order = args.orderBy ?? "TIME_TOGETHER";
  const bound = (field: BoundField) => (selects(info, [field]) ? selectedMeetingFields(info, [field]) : undefined);
  const [firstMeeting, lastMeeting] = [bound("firstMeeting"), bound("lastMeeting")];
  return {
    filter: meetingFilter(args.filter),
    order,
    limit: pageSize(args.first),
    withMeetingBounds: order === "LAST_MEETING" || firstMeeting !== undefined || lastMeeting !== undefined,
    firstMeeting,
    lastMeeting,
    withAliases: selects(info, ["person", "aliases"]),
  };
}

type BoundField = "firstMeeting" | "lastMeeting";

/** ORDER BY keys per CounterpartOrder; name and id follow. */
const RANKINGS: Record<CounterpartOrder, string> = {
  TIME_TOGETHER: "minutes DESC, meetingCount DESC, ",
  MEETING_COUNT: "meetingCount DESC, minutes DESC, ",
  LAST_MEETING: "lastMeeting[0] DESC, ",
  NAME: "",
};

/** [dateStart, id, meeting]: the meeting node rides along for `boundMeetings`. */
const MEETING_BOUNDS = "min([m.dateStart, m.id, m]) AS firstMeeting, max([m.dateStart, m.id, m]) AS lastMeeting";

/** Binds each meeting `m` that `me` attended with someone else, `other`, and that passes the request `cr`'s filter. */
const sharedMeetings = (filter: MeetingFilterParams) => `
  WITH me, cr.filter AS f
  ${otherParticipantsOf(filter, "me")}
  ${filterDates(filter)}
  MATCH (me)-[:ATTENDED]->(m)<-[:ATTENDED]-(other)
  WHERE other <> me AND ${meetingMatches(filter, "participant")}`;

/**
 * Each selected bound of a ranked row (`firstMeeting`, `lastMeeting`: [dateStart, id, meeting]) as
 * the meeting record with the fields selected, for the page's rows only (reading them by id in
 * another statement read every field of each and walked up to its country). The meeting is the node
 * the aggregation met, not one found again by its id: under read committed, a meeting committed
 * while the statement runs can be reached through its relationships before its id's index entry
 * is there, and a seek by id then found nothing (tests/curation-counterparts-race.test.ts).
 */
const boundMeetings = (request: RankingRequest) =>
  (["firstMeeting", "lastMeeting"] as const)
    .flatMap((field) => {
      const include = request[field];
      return include ? [`${field}: [m IN [${field}[2]] | ${includedMeetingFields(include)}][0], `] : [];
    })
    .join("");

/**
 * The ranked rows, from rows binding `other`, `meetingCount`, `minutes` and, with bounds,
 * `firstMeeting` and `lastMeeting`; `time` is the row's DurationSummary.
 * The limit is written into the statement (an integer of at most MAX_PAGE_SIZE), as LIMIT cannot
 * read it from the request row: the database then keeps only the top rows while it orders, and
 * builds records for those alone.
 */
const rankedRows = (request: RankingRequest, time: string) => `
  ORDER BY ${RANKINGS[request.order]}other.name, other.id
  LIMIT ${limitLiteral(request.limit)}
  RETURN collect({meetingCount: meetingCount, time: ${time}, ${boundMeetings(request)}person: [p IN [other] | ${personFields(request.withAliases)}][0]}) AS value`;

/**
 * `me`'s counterparts for request `cr`, ranked, as `value`; the statement holds the request's filter conditions, order and bounds. One pass over the shared meetings
 * aggregates each counterpart's figures; names and records are read for the page only.
 * [dateStart, id] pairs order meetings the way the API does, so min and max are first and last.
 * Only people attend, and only meetings (src/db/writes.ts): no label checks per row.
 * Only the filter is read of the request `cr`: carried on, the request map would be part of every
 * counterpart's grouping key (0.25 to 0.3 ms of Neo4j's CPU per ranking in two measurements of
 * three in bench/, within the noise in the third).
 */
export const counterpartRanking = (request: RankingRequest) => `${perCounterpart(request)}${rankedRows(request, DURATION_SUMMARY_WITH_CONSENSUS)}`;

/** One row per counterpart with the columns of DURATION_AGGREGATES and, when the request needs them, the meeting bounds. */
const perCounterpart = (request: RankingRequest) => `${sharedMeetings(request.filter)}
  WITH other, m, ${DURATION_FIGURES}
  WITH other, ${DURATION_AGGREGATES}${request.withMeetingBounds ? `, ${MEETING_BOUNDS}` : ""}`;

/**
 * The ranking and, as `counterpartCount`, how many counterparts it has in all: every
 * counterpart's row is kept to be counted before the top ones are taken, so the count costs no
 * second pass over the shared meetings.
 */
export const countedCounterpartRanking = (request: RankingRequest) => `${perCounterpart(request)}
  WITH collect({other: other, meetingCount: meetingCount, minutes: minutes, time: ${DURATION_SUMMARY_WITH_CONSENSUS}${
    request.withMeetingBounds ? ", firstMeeting: firstMeeting, lastMeeting: lastMeeting" : ""
  }}) AS counted
  CALL (counted) {
    UNWIND counted AS c
    WITH c.other AS other, c.meetingCount AS meetingCount, c.minutes AS minutes, c.time AS time, c.firstMeeting AS firstMeeting, c.lastMeeting AS lastMeeting${rankedRows(request, "time")}
  }
  RETURN value, size(counted) AS counterpartCount`;

const counterparts = (request: CounterpartRequest) => `
UNWIND $requests AS cr
CALL (cr) {
  MATCH (me:Person {id: cr.personId})
  ${counterpartRanking(request)}
}
RETURN cr.index AS index, value`;

/** How many counterparts a ranking has in all, for `counterpartCount`. */
const counterpartCount = ({ filter }: CounterpartCountRequest) => `
UNWIND $requests AS cr
CALL (cr) {
  MATCH (me:Person {id: cr.personId})${sharedMeetings(filter)}
  RETURN count(DISTINCT other) AS value
}
RETURN cr.index AS index, value`;

export function createCounterpartLoaders(db: Neo4jExecutor) {
  return {
    counterparts: byRequest<CounterpartRequest, CounterpartRecord[]>(db, "people.counterparts", counterparts, []),
    counterpartCount: byRequest<CounterpartCountRequest, number>(db, "people.counterpartCount", counterpartCount, 0),
  };
}

/** Who met whom: a person's counterparts over the meetings both attended, batched per request. */
import type { CounterpartOrder, PersonCounterpartsArgs } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { limitLiteral } from "../db/connections.js";
import { byRequest } from "../db/loaders.js";
import { selects, type Selection } from "../graphql/lookahead.js";
import { pageSize } from "../db/pagination.js";
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY_WITH_CONSENSUS } from "../meeting/duration.js";
import { filterDates, meetingFilter, meetingMatches, otherParticipantsOf, type MeetingFilterParams } from "../meeting/filter.js";
import type { TimeTogetherRecord } from "../meeting/meeting.js";
import { PERSON_FIELDS, PERSON_LOOKUP, personFields, type PersonRecord } from "./person.js";

export interface CounterpartRecord {
  person: PersonRecord;
  meetingCount: number;
  time: TimeTogetherRecord["time"];
  /** Read only when the request asked for the meeting bounds. */
  firstMeetingId?: string;
  lastMeetingId?: string;
}

/** A ranking of one person's counterparts, as the Cypher reads it (`cr`). */
export interface RankingRequest {
  filter: MeetingFilterParams;
  order: CounterpartOrder;
  limit: number;
  /** Find each counterpart's first and last meeting: two more reads per shared meeting, so only when asked. */
  withMeetingBounds: boolean;
  /** Read the counterparts' aliases (only when selected: one more list per row to send). */
  withAliases: boolean;
}
export type CounterpartRequest = RankingRequest & { personId: string };
export type CounterpartCountRequest = Pick<CounterpartRequest, "personId" | "filter">;

/** What a `counterparts` selection asks for; `info` is the selection's (the field's own, or found by lookahead). */
export function rankingRequest(args: PersonCounterpartsArgs, info: Selection): RankingRequest {
  const order = args.orderBy ?? "TIME_TOGETHER";
  return {
    filter: meetingFilter(args.filter),
    order,
    limit: pageSize(args.first),
    withMeetingBounds: order === "LAST_MEETING" || selects(info, ["firstMeeting"]) || selects(info, ["lastMeeting"]),
    withAliases: selects(info, ["person", "aliases"]),
  };
}

/**
 * `me`'s counterparts for request `cr`, ranked, as `value`; the statement holds the request's filter conditions, order and bounds. One pass over the shared meetings
 * aggregates each counterpart's figures; names and records are read for the page only.
 * [dateStart, id] pairs order meetings the way the API does, so min and max are first and last.
 * Only people attend, and only meetings (src/db/writes.ts): no label checks per row.
 */
/** ORDER BY keys per CounterpartOrder; name and id follow. */
const RANKINGS: Record<CounterpartOrder, string> = {
  TIME_TOGETHER: "minutes DESC, meetingCount DESC, ",
  MEETING_COUNT: "meetingCount DESC, minutes DESC, ",
  LAST_MEETING: "lastMeeting[0] DESC, ",
  NAME: "",
};

const MEETING_BOUNDS = "min([m.dateStart, m.id]) AS firstMeeting, max([m.dateStart, m.id]) AS lastMeeting";

/** Binds each meeting `m` that `me` attended with someone else, `other`, and that passes the request `cr`'s filter. */
const sharedMeetings = (filter: MeetingFilterParams) => `
  WITH me, cr.filter AS f
  ${otherParticipantsOf(filter, "me")}
  ${filterDates(filter)}
  MATCH (me)-[:ATTENDED]->(m)<-[:ATTENDED]-(other)
  WHERE other <> me AND ${meetingMatches(filter, "participant")}`;

/**
 * The limit is written into the statement (an integer of at most MAX_PAGE_SIZE), as LIMIT cannot
 * read it from the request row: the database then keeps only the top rows while it orders, and
 * builds records for those alone. Only the filter is read of the request `cr`: carried on, the
 * request map would be part of every counterpart's grouping key (0.25 to 0.3 ms of Neo4j's CPU
 * per ranking in two measurements of three in bench/, within the noise in the third).
 */
const counterpartRanking = ({ filter, order, limit, withMeetingBounds, withAliases }: RankingRequest) => `${sharedMeetings(filter)}
  WITH other, m, ${DURATION_FIGURES}
  WITH other, ${DURATION_AGGREGATES}${withMeetingBounds ? `, ${MEETING_BOUNDS}` : ""}
  ORDER BY ${RANKINGS[order]}other.name, other.id
  LIMIT ${limitLiteral(limit)}
  RETURN collect({meetingCount: meetingCount, time: ${DURATION_SUMMARY_WITH_CONSENSUS}, ${withMeetingBounds ? "firstMeetingId: firstMeeting[1], lastMeetingId: lastMeeting[1], " : ""}person: [p IN [other] | ${personFields(withAliases)}][0]}) AS value`;

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

/** A person by id (or by a merged-away id) and one ranking of their counterparts, in one statement. */
const personWithCounterparts = ({ counterparts }: PersonWithCounterpartsRequest) => `
UNWIND $requests AS r
CALL (r) {
  WITH r.id AS id
  ${PERSON_LOOKUP}
  RETURN p
}
CALL (r, p) {
  WITH p AS me, r.counterparts AS cr
  ${counterpartRanking(counterparts)}
}
RETURN r.index AS index, {person: ${PERSON_FIELDS}, counterparts: value} AS value`;

interface PersonWithCounterpartsRequest {
  id: string;
  counterparts: RankingRequest;
}

export interface PersonWithCounterparts {
  person: PersonRecord;
  counterparts: CounterpartRecord[];
}

export function createCounterpartLoaders(db: Neo4jExecutor) {
  return {
    counterparts: byRequest<CounterpartRequest, CounterpartRecord[]>(db, "people.counterparts", counterparts, []),
    counterpartCount: byRequest<CounterpartCountRequest, number>(db, "people.counterpartCount", counterpartCount, 0),
    personWithCounterparts: byRequest<PersonWithCounterpartsRequest, PersonWithCounterparts | null>(
      db,
      "people.withCounterparts",
      personWithCounterparts,
      null,
    ),
  };
}

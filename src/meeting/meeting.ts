/** Meetings: the record, and the batched reads behind every field that returns meetings. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, connectionLoader, EDGE_SOURCES, relatedIds } from "../graphql/cypher.js";
import { listsById, nodesById } from "../graphql/loaders.js";
import type { GraphQLResolveInfo } from "graphql";
import { selectedNames } from "../graphql/lookahead.js";
import { loadConnection, type Connection, type Edge, type PageArgs, type PageKey } from "../graphql/pagination.js";
import type { DatePrecision } from "../ingest/seedFiles.js";
import { PERSON_FIELDS, type PersonRecord } from "../person/person.js";
import { PLACE_FIELDS, type PlaceRecord } from "../place/place.js";
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY } from "./duration.js";
import type { MeetingOrder } from "../__generated__/resolvers.js";
import { MEETING_ORDERS, meetingsMatching, type MeetingFilterParams } from "./filter.js";

/**
 * A Meeting node as stored, with its place (which names the country). A record from a page
 * holds the id and only the parts its client selected (see meetingPageFields): each Meeting
 * resolver reads only its own part.
 */
export interface MeetingRecord {
  id: string;
  title: string;
  kind: string | null;
  date: string;
  datePrecision: DatePrecision;
  startsAt: string | null;
  endsAt: string | null;
  outcome: string | null;
  durationMinutes: number | null;
  durationMinMinutes: number | null;
  durationMaxMinutes: number | null;
  durationApproximate: boolean;
  durationWording: string | null;
  durationSourceId: string | null;
  /** Read with the meeting: one hop, and most clients show where a meeting was. */
  place: PlaceRecord | null;
  /** Read with the meeting only when a page's client selected them (see meetingPageFields); otherwise loaded by id. */
  participants?: ParticipantRecord[] | null;
}
export type MeetingConnectionRecord = Connection<MeetingRecord>;
export type MeetingEdgeRecord = Edge<MeetingRecord>;

export interface ParticipantRecord {
  personId: string;
  person: PersonRecord;
  role: string | null;
  delegationCountryId: string | null;
  sources: { sourceId: string; excerpt: string | null }[];
}

export interface TimeTogetherRecord {
  personIds: string[];
  meetingCount: number;
  time: { minutes: number; minMinutes: number; maxMinutes: number | null; knownCount: number; approximateCount: number; unknownCount: number };
}

/** The participants of meeting `m`, each with the person's record, in delegation order. */
const PARTICIPANT_ITEMS = `COLLECT {
  MATCH (p:Person)-[a:ATTENDED]->(m)
  WITH p, a ORDER BY a.delegationCountryId, p.name, p.id
  RETURN {personId: p.id, person: ${PERSON_FIELDS}, role: a.role, delegationCountryId: a.delegationCountryId, sources: ${EDGE_SOURCES}}
}`;

const PLACE_PART = `place: [(m)-[:HELD_AT]->(p:Place) | ${PLACE_FIELDS}][0]`;

/** What each Meeting field reads of meeting `m` (the id always comes along), so a page can read only what its client selected. */
const MEETING_PARTS: Record<string, string> = {
  title: ".title",
  kind: ".kind",
  date: ".date",
  datePrecision: ".datePrecision",
  startsAt: ".startsAt",
  endsAt: ".endsAt",
  outcome: ".outcome",
  duration: ".durationMinutes, .durationMinMinutes, .durationMaxMinutes, .durationWording, .durationSourceId, durationApproximate: coalesce(m.durationApproximate, false)",
  place: PLACE_PART,
  country: PLACE_PART,
  participants: `participants: ${PARTICIPANT_ITEMS}`,
};

const meetingProjection = (parts: string[]) => `m {${[".id", ...new Set(parts)].join(", ")}}`;

/** Projects meeting `m` into a MeetingRecord (its participants are loaded apart). */
export const MEETING_FIELDS = meetingProjection(Object.entries(MEETING_PARTS).flatMap(([field, part]) => (field === "participants" ? [] : [part])));

/**
 * A page's meetings read only the fields the client selected (`include`), participants
 * included: a page of meetings with their participants costs one statement, and no more than
 * the answer needs. Each selection's statement is made of the constant parts above.
 */
const meetingPageFields = ({ include }: PageKey<MeetingFilterParams>) =>
  include ? meetingProjection(include.flatMap((field) => (MEETING_PARTS[field] ? [MEETING_PARTS[field]] : []))) : MEETING_FIELDS;

export const MEETINGS_BY_ID = byIdCypher("m", "Meeting", MEETING_FIELDS);

const timeTogetherCypher = (filter: MeetingFilterParams) => `
WITH $filter AS f
${meetingsMatching(filter)}
WITH ${DURATION_FIGURES}
WITH ${DURATION_AGGREGATES}
RETURN meetingCount, ${DURATION_SUMMARY} AS time`;

export const PARTICIPANTS = `
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN id, ${PARTICIPANT_ITEMS} AS items`;

export const TOPIC_IDS = relatedIds("(:Meeting {id: id})-[:ABOUT]->(x:Topic)", "x.name, x.id");
export const ORGANIZATION_IDS = relatedIds("(:Meeting {id: id})-[:INVOLVED]->(x:Organization)", "x.name, x.id");
const STATEMENT_IDS = relatedIds("(x:Statement)-[:IN_CONTEXT_OF]->(:Meeting {id: id})", "x.saidOnStart, x.id");

// Whoever reports any part of the meeting: a claim (not retracted), a duration, or someone's attendance.
const SOURCE_IDS = `
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
CALL (m) {
  MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(s:Source) WHERE c.retractedAt IS NULL RETURN s.id AS sourceId
  UNION
  MATCH (:Person)-[a:ATTENDED]->(m) UNWIND a.sourceIds AS sourceId RETURN sourceId
}
WITH id, sourceId ORDER BY sourceId
RETURN id, collect(sourceId) AS items`;

export function createMeetingLoaders(db: Neo4jExecutor) {
  return {
    meetingById: nodesById<MeetingRecord>(db, "meetings.byId", MEETINGS_BY_ID),
    meetingConnection: connectionLoader<MeetingFilterParams, MeetingRecord>(db, "meetings", {
      node: "m",
      match: (key) => meetingsMatching(key.filter),
      order: (key) => MEETING_ORDERS[key.order as MeetingOrder],
      fields: meetingPageFields,
    }),
    meetingParticipants: listsById<ParticipantRecord>(db, "meetings.participants", PARTICIPANTS),
    meetingTopicIds: listsById<string>(db, "meetings.topicIds", TOPIC_IDS),
    meetingOrganizationIds: listsById<string>(db, "meetings.organizationIds", ORGANIZATION_IDS),
    meetingStatementIds: listsById<string>(db, "meetings.statementIds", STATEMENT_IDS),
    meetingSourceIds: listsById<string>(db, "meetings.sourceIds", SOURCE_IDS),
  };
}

/** How often and for how long all of `personIds` met (root field only, so no batching). */
export async function timeTogether(db: Neo4jExecutor, personIds: string[]): Promise<TimeTogetherRecord> {
  const filter = { participantIds: personIds };
  const [row] = await db.read<Omit<TimeTogetherRecord, "personIds">>("meetings.timeTogether", timeTogetherCypher(filter), { filter });
  if (!row) throw new Error("timeTogether returned no row");
  return { personIds, ...row };
}

type MeetingLoaders = ReturnType<typeof createMeetingLoaders>;

/** A MeetingConnection field's page: the participants come in the page's statement when the client selected them. */
export function loadMeetingConnection(
  loaders: MeetingLoaders,
  filter: MeetingFilterParams,
  args: PageArgs,
  order: string,
  info: GraphQLResolveInfo,
): Promise<MeetingConnectionRecord> {
  return loadConnection(loaders.meetingConnection, filter, args, info, order, selectedNames(info, ["edges", "node"]));
}

/** Meetings: the record, and the batched reads behind every field that returns meetings. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher, connectionLoader, EDGE_SOURCES, listsOfCypher, orderBy, ownEntry, relatedIds, type OrderKey } from "../db/connections.js";
import { listsById, nodesById } from "../db/loaders.js";
import { selectedNames, type Selection } from "../graphql/lookahead.js";
import { loadPage, pageRequest, type Connection, type Edge, type PageArgs, type PageKey } from "../db/pagination.js";
import type { DatePrecision } from "../model/dates.js";
import { personFields, type PersonRecord, type SourceRefRecord } from "../person/person.js";
import { PLACE_LINK_NAMES, placeFields, type PlaceLink, type PlaceRecord } from "../place/place.js";
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY_WITH_CONSENSUS } from "./duration.js";
import type { DurationBound, DurationSummary, EvidenceBasis, Hedge, Meeting } from "../__generated__/resolvers.js";
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
  durationHedge: Hedge;
  durationWording: string | null;
  durationSourceId: string | null;
  /** How the preferred duration claim states its figure: not copied onto the meeting, read from the claim when selected. */
  durationFigure?: { figureMinutes: number | null; granularityMinutes: number | null; bound: DurationBound | null } | null;
  began: TimeEstimateRecord | null;
  ended: TimeEstimateRecord | null;
  durationConsensus: { minMinutes: number | null; maxMinutes: number | null; compatible: boolean; claimCount: number } | null;
  /** Read with the meeting: one hop, and most clients show where a meeting was. */
  place: PlaceRecord | null;
  /** Read with the meeting only when a page's client selected them (see meetingPageFields); otherwise loaded by id. */
  participants?: ParticipantRecord[] | null;
}
/** When a meeting began or ended, as copied onto the meeting node (`beganEarliest`, …). */
export interface TimeEstimateRecord {
  earliest: string | null;
  latest: string | null;
  wording: string | null;
  sourceId: string | null;
  basis: EvidenceBasis;
  note: string | null;
}

export type MeetingConnectionRecord = Connection<MeetingRecord>;
export type MeetingEdgeRecord = Edge<MeetingRecord>;

export interface ParticipantRecord {
  person: PersonRecord;
  /** Each part below is absent when a page's client did not select it (see participantItems). */
  role?: string | null;
  delegationCountryId?: string | null;
  sources?: SourceRefRecord[];
}
export type ParticipantPart = "role" | "delegationCountryId" | "sources";

export interface TimeTogetherRecord {
  personIds: string[];
  meetingCount: number;
  time: Omit<DurationSummary, "__typename">;
}

/** What a Participant's fields read of attendance `a`. */
const PARTICIPANT_PARTS: Record<ParticipantPart, { field: string; cypher: string }> = {
  role: { field: "role", cypher: "role: a.role" },
  delegationCountryId: { field: "delegation", cypher: "delegationCountryId: a.delegationCountryId" },
  sources: { field: "sources", cypher: `sources: ${EDGE_SOURCES}` },
};
const ALL_PARTICIPANT_PARTS = Object.keys(PARTICIPANT_PARTS) as ParticipantPart[];

/**
 * The participants of meeting `m`, each with the person's record, in delegation order, with the
 * parts given: every key read is one more value per participant to send and decode.
 */
const participantItems = (parts: ParticipantPart[], withAliases: boolean) => `COLLECT {
  MATCH (p:Person)-[a:ATTENDED]->(m)
  WITH p, a ORDER BY a.delegationCountryId, p.name, p.id
  RETURN {${[`person: ${personFields(withAliases)}`, ...parts.map((part) => PARTICIPANT_PARTS[part].cypher)].join(", ")}}
}`;

/** The place of meeting `m` with the links asked for: the walk to the country costs more than the place itself. */
const placePart = (links: PlaceLink[], records: PlaceLink[]) => `place: [(m)-[:HELD_AT]->(p:Place) | ${placeFields(links, records)}][0]`;

/**
 * The nested fields selected below a page's meetings ("place.country", "participants.sources"),
 * and what the meeting's own fields need of the place (its country).
 */
type Selected = Set<string>;
const placeLinksFor = (selected: Selected) =>
  PLACE_LINK_NAMES.filter((link) => selected.has(`place.${link}`) || (link === "country" && selected.has("country")));
/** The links whose fields are selected below the place ("place.within.name"): read as records, they need no statement of their own. */
const placeRecordsFor = (selected: Selected) => PLACE_LINK_NAMES.filter((link) => [...selected].some((name) => name.startsWith(`place.${link}.`)));
const selectedPlace = (selected: Selected) => placePart(placeLinksFor(selected), placeRecordsFor(selected));

/**
 * How the preferred duration claim of meeting `m` states its figure. Only the bounds are copied
 * onto the meeting, so this is one hop more per meeting: read only when a client asks for it.
 */
const DURATION_FIGURE = `durationFigure: [(m)-[:HAS_DURATION]->(c:DurationClaim) WHERE c.preferred AND c.retractedAt IS NULL | c {.figureMinutes, .granularityMinutes, .bound}][0]`;
const DURATION_FIGURE_NAMES = ["figureMinutes", "granularityMinutes", "bound"];

/** A time estimate copied onto meeting `m` under `prefix` ("began", "ended"): a null basis means the sources give none. */
const timeEstimatePart = (prefix: "began" | "ended") => `${prefix}: CASE WHEN m.${prefix}Basis IS NOT NULL THEN {
    earliest: m.${prefix}Earliest, latest: m.${prefix}Latest, wording: m.${prefix}Wording,
    sourceId: m.${prefix}SourceId, basis: m.${prefix}Basis, note: m.${prefix}Note
  } END`;

/** A field of the schema's Meeting type. */
type MeetingField = Exclude<keyof Meeting, "__typename">;

/**
 * What each Meeting field reads of meeting `m` (the id always comes along), so a page can read
 * only what its client selected. Keyed by the schema's field names, so a renamed field fails to
 * compile here; read with `ownEntry`, so a name from the query never reaches Object.prototype.
 */
const MEETING_PARTS: Partial<Record<MeetingField, string | ((selected: Selected) => string)>> = {
  title: ".title",
  kind: ".kind",
  date: ".date",
  heldOn: ".date",
  datePrecision: ".datePrecision",
  startsAt: ".startsAt",
  endsAt: ".endsAt",
  outcome: ".outcome",
  duration: (selected) =>
    `.durationMinutes, .durationMinMinutes, .durationMaxMinutes, .durationWording, .durationSourceId,
    durationApproximate: coalesce(m.durationApproximate, false), durationHedge: coalesce(m.durationHedge, 'NONE')` +
    (DURATION_FIGURE_NAMES.some((name) => selected.has(`duration.${name}`)) ? `, ${DURATION_FIGURE}` : ""),
  began: timeEstimatePart("began"),
  ended: timeEstimatePart("ended"),
  durationConsensus: `durationConsensus: CASE WHEN m.consensusClaimCount IS NOT NULL THEN {
    minMinutes: m.consensusMinMinutes, maxMinutes: m.consensusMaxMinutes,
    compatible: coalesce(m.consensusCompatible, false), claimCount: m.consensusClaimCount
  } END`,
  place: selectedPlace,
  country: selectedPlace,
  participants: (selected) =>
    `participants: ${participantItems(
      ALL_PARTICIPANT_PARTS.filter((part) => selected.has(`participants.${PARTICIPANT_PARTS[part].field}`)),
      selected.has("participants.person.aliases"),
    )}`,
};

const meetingProjection = (fields: string[], selected: Selected) => {
  const parts = fields.flatMap((field) => {
    const part = ownEntry(MEETING_PARTS, field);
    return part === undefined ? [] : [typeof part === "string" ? part : part(selected)];
  });
  return `m {${[".id", ...new Set(parts)].join(", ")}}`;
};

/**
 * Projects meeting `m` into a MeetingRecord with every part but its participants (loaded apart),
 * the place's links in `placeRecords` read as records (see placeFields).
 */
export const meetingFields = (placeRecords: PlaceLink[]) =>
  meetingProjection(
    Object.keys(MEETING_PARTS).filter((field) => field !== "participants"),
    new Set([
      ...PLACE_LINK_NAMES.map((link) => `place.${link}`),
      ...placeRecords.map((link) => `place.${link}.id`),
      ...DURATION_FIGURE_NAMES.map((name) => `duration.${name}`),
    ]),
  );

export const MEETING_FIELDS = meetingFields([]);

/**
 * A page's meetings read only the fields the client selected (`include`: the meeting's fields
 * and, dotted, those below its place, duration and participants), participants included: a page of
 * meetings with their participants costs one statement, and no more than the answer needs. Each
 * selection's statement is made of the constant parts above.
 */
const meetingPageFields = ({ include }: PageKey<MeetingFilterParams>) => (include ? includedMeetingFields(include) : MEETING_FIELDS);

/** Projects meeting `m` with only the fields `include` names (see selectedMeetingFields). */
export const includedMeetingFields = (include: string[]) => meetingProjection(include, new Set(include));

export const MEETINGS_BY_ID = byIdCypher("m", "Meeting", MEETING_FIELDS);

const timeTogetherCypher = (filter: MeetingFilterParams) => `
WITH $filter AS f
${meetingsMatching(filter)}
WITH ${DURATION_FIGURES}
WITH ${DURATION_AGGREGATES}
RETURN meetingCount, ${DURATION_SUMMARY_WITH_CONSENSUS} AS time`;

/** Every participant of meeting `m` with every part: what a participant read by meeting id holds. */
export const PARTICIPANTS_OF_MEETING = participantItems(ALL_PARTICIPANT_PARTS, true);

export const PARTICIPANTS = listsOfCypher("m", "Meeting", PARTICIPANTS_OF_MEETING);

export const TOPIC_IDS = relatedIds("(:Meeting {id: id})-[:ABOUT]->(x:Topic)", "x.name, x.id");
export const ORGANIZATION_IDS = relatedIds("(:Meeting {id: id})-[:INVOLVED]->(x:Organization)", "x.name, x.id");
/** The ids of the statements said in the context of meeting `m`, by date. */
export const STATEMENT_IDS_OF_MEETING = `COLLECT {
  MATCH (x:Statement)-[:IN_CONTEXT_OF]->(m)
  WITH DISTINCT x ORDER BY x.saidOnStart, x.id
  RETURN x.id
}`;

/** The ids of whoever reports any part of meeting `m`: a claim (not retracted), a duration, or someone's attendance. */
export const SOURCE_IDS_OF_MEETING = `COLLECT {
  CALL (m) {
    MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(s:Source) WHERE c.retractedAt IS NULL RETURN s.id AS sourceId
    UNION
    MATCH (:Person)-[a:ATTENDED]->(m) UNWIND a.sourceIds AS sourceId RETURN sourceId
  }
  WITH sourceId ORDER BY sourceId
  RETURN sourceId
}`;

function meetingOrder(order: string | undefined): OrderKey[] {
  const keys = order === undefined ? undefined : ownEntry(MEETING_ORDERS, order);
  if (keys === undefined) throw new Error(`meetings have no order ${order}`);
  return keys;
}

export function createMeetingLoaders(db: Neo4jExecutor) {
  return {
    meetingById: nodesById<MeetingRecord>(db, "meetings.byId", MEETINGS_BY_ID),
    meetingConnection: connectionLoader<MeetingFilterParams, MeetingRecord>(db, "meetings", {
      node: "m",
      match: (key) => meetingsMatching(key.filter, key.counted ? undefined : orderBy(meetingOrder(key.order))),
      order: meetingOrder,
      fields: meetingPageFields,
    }),
    meetingParticipants: listsById<ParticipantRecord>(db, "meetings.participants", PARTICIPANTS),
    meetingTopicIds: listsById<string>(db, "meetings.topicIds", TOPIC_IDS),
    meetingOrganizationIds: listsById<string>(db, "meetings.organizationIds", ORGANIZATION_IDS),
    meetingStatementIds: listsById<string>(db, "meetings.statementIds", listsOfCypher("m", "Meeting", STATEMENT_IDS_OF_MEETING)),
    meetingSourceIds: listsById<string>(db, "meetings.sourceIds", listsOfCypher("m", "Meeting", SOURCE_IDS_OF_MEETING)),
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

/**
 * One part of a participant. A page reads every part that its selection resolves (see
 * loadMeetingConnection), and participants read by meeting id have them all: a missing part is a bug.
 */
export function participantPart<P extends ParticipantPart>(p: ParticipantRecord, part: P): NonNullable<ParticipantRecord[P]> | null {
  if (!(part in p)) throw new Error(`participant ${p.person.id}: ${part} was not read`);
  return p[part] ?? null;
}

/**
 * The fields selected of the meetings at `path` below the field of `info`, and, dotted, those
 * below their place, duration and participants: what a statement reading meetings by selection includes.
 */
export function selectedMeetingFields(info: Selection, path: string[]): string[] {
  const below = (part: string) => selectedNames(info, [...path, ...part.split(".")]).map((name) => `${part}.${name}`);
  return [
    ...selectedNames(info, path),
    ...["place", ...PLACE_LINK_NAMES.map((link) => `place.${link}`), "duration", "participants", "participants.person"].flatMap(below),
  ];
}

/** The page a MeetingConnection field reads: the participants come in the page's statement when the client selected them. */
export const meetingPageRequest = (loaders: MeetingLoaders, filter: MeetingFilterParams, args: PageArgs, order: string, info: Selection) =>
  pageRequest(loaders.meetingConnection, filter, args, info, order, selectedMeetingFields(info, ["edges", "node"]));

/** A MeetingConnection field's page (see meetingPageRequest). */
export async function loadMeetingConnection(
  loaders: MeetingLoaders,
  filter: MeetingFilterParams,
  args: PageArgs,
  order: string,
  info: Selection,
): Promise<MeetingConnectionRecord> {
  return loadPage(meetingPageRequest(loaders, filter, args, order, info));
}

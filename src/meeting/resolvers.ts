import type { Resolvers } from "../__generated__/resolvers.js";
import { idList } from "../graphql/input.js";
import { selects } from "../graphql/lookahead.js";
import { loadAll, loadOptional, loadRequired } from "../db/loaders.js";
import { DEFAULT_MEETING_ORDER, meetingFilter } from "./filter.js";
import { placeLink } from "../place/place.js";
import { conflictConnection } from "./conflicts.js";
import type { DurationRecord } from "./duration.js";
import { loadMeetingConnection, participantPart, timeTogether, type MeetingRecord } from "./meeting.js";
import { loadMeeting } from "./page.js";

/** The preferred duration, as copied onto the meeting by the loader, with how its claim states the figure. */
const durationOf = (m: MeetingRecord): DurationRecord => ({
  minutes: m.durationMinutes,
  minMinutes: m.durationMinMinutes,
  maxMinutes: m.durationMaxMinutes,
  approximate: m.durationApproximate,
  hedge: m.durationHedge,
  figureMinutes: m.durationFigure?.figureMinutes ?? null,
  granularityMinutes: m.durationFigure?.granularityMinutes ?? null,
  bound: m.durationFigure?.bound ?? null,
  wording: m.durationWording,
  sourceId: m.durationSourceId,
});

export const meetingResolvers: Resolvers = {
  Query: {
    meeting: (_root, { id }, { loaders }, info) => loadMeeting(loaders, id, info),
    meetings: (_root, { filter, orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, meetingFilter(filter), { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
    meetingsBetween: (_root, { personIds, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { participantIds: idList(personIds, "personIds") }, { first, after }, DEFAULT_MEETING_ORDER, info),
    timeTogether: (_root, { personIds }, { db }) => timeTogether(db, idList(personIds, "personIds")),
    conflicts: (_root, { filter, first, after }, { db, loaders }, info) =>
      conflictConnection(db, loaders, filter, { first, after }, selects(info, ["totalCount"])),
  },
  Meeting: {
    heldOn: (m) => m.date,
    duration: durationOf,
    place: (m) => m.place,
    country: async (m, _args, { loaders }) => m.place && loadOptional(loaders.countryById, await placeLink(m.place, "country", loaders)),
    participants: (m, _args, { loaders }) => m.participants ?? loaders.meetingParticipants.load(m.id),
    statements: (m, _args, { loaders }) => loadAll(loaders.statementById, loaders.meetingStatementIds.load(m.id)),
    topics: (m, _args, { loaders }) => loadAll(loaders.topicById, loaders.meetingTopicIds.load(m.id)),
    organizations: (m, _args, { loaders }) => loadAll(loaders.organizationById, loaders.meetingOrganizationIds.load(m.id)),
    sources: (m, _args, { loaders }) => loadAll(loaders.sourceById, loaders.meetingSourceIds.load(m.id)),
    conflicts: (m, _args, { loaders }) => loaders.meetingConflicts.load(m.id),
    // Filtering by field in memory keeps one batched read for every claims selection of the request.
    claims: async (m, { field }, { loaders }) => {
      const claims = await loaders.claimsByMeeting.load(m.id);
      return field ? claims.filter((c) => c.field === field) : claims;
    },
  },
  Participant: {
    person: (p) => p.person,
    role: (p) => participantPart(p, "role"),
    delegation: (p, _args, { loaders }) => loadOptional(loaders.countryById, participantPart(p, "delegationCountryId")),
    sources: (p) => participantPart(p, "sources") ?? [],
  },
  Duration: {
    source: (d, _args, { loaders }) => loadOptional(loaders.sourceById, d.sourceId),
  },
  Claim: {
    source: (c, _args, { loaders }) => loadRequired(loaders.sourceById, c.sourceId, "claim source"),
    meeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, c.meetingId, "claim meeting"),
    claimant: (c, _args, { loaders }) => loadOptional(loaders.personById, c.claimantId),
  },
  TimeEstimate: {
    source: (t, _args, { loaders }) => loadOptional(loaders.sourceById, t.sourceId),
  },
  Conflict: {
    meeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, c.meetingId, "conflict meeting"),
  },
  TimeTogether: {
    meetings: (t, { first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { participantIds: t.personIds }, { first, after }, DEFAULT_MEETING_ORDER, info),
  },
};

import type { Resolvers } from "../__generated__/resolvers.js";
import { required } from "../graphql/errors.js";
import { compact, searchText } from "../graphql/input.js";
import { loadAll, loadOptional, loadRequired } from "../db/loaders.js";
import { loadConnection } from "../db/pagination.js";
import { DEFAULT_MEETING_ORDER, meetingFilter, withParticipants } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";
import { rankingRequest } from "./counterparts.js";
import { loadPerson } from "./page.js";
import { loadStatementConnection } from "../statement/statement.js";

export const personResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, context, info) => loadPerson(id, context, info),
    people: (_root, { search, countryId, first, after }, { loaders }, info) =>
      loadConnection(loaders.personConnection, compact({ search: searchText(search), countryId }), { first, after }, info),
  },
  Person: {
    aliases: async (person, _args, { loaders }) => person.aliases ?? (await loaders.personById.load(person.id))?.aliases ?? [],
    roles: (person, _args, { loaders }) => loaders.personRoles.load(person.id),
    relations: (person, _args, { loaders }) => loaders.personRelations.load(person.id),
    countries: (person, _args, { loaders }) => loadAll(loaders.countryById, loaders.personCountryIds.load(person.id)),
    meetings: (person, { filter, orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, withParticipants(meetingFilter(filter), [person.id]), { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
    counterparts: (person, args, { loaders }, info) => loaders.counterparts.load({ personId: person.id, ...rankingRequest(args, info) }),
    counterpartCount: (person, { filter }, { loaders }) => loaders.counterpartCount.load({ personId: person.id, filter: meetingFilter(filter) }),
    statements: (person, { first, after }, { loaders }, info) => loadStatementConnection(loaders, { speakerId: person.id }, { first, after }, info),
  },
  Role: {
    organization: (role, _args, { loaders }) => loadOptional(loaders.organizationById, role.organizationId),
    country: (role, _args, { loaders }) => loadOptional(loaders.countryById, role.countryId),
  },
  PersonRelation: {
    person: (relation, _args, { loaders }) => loadRequired(loaders.personById, relation.personId, "related person"),
  },
  SourceReference: {
    source: (ref, _args, { loaders }) => loadRequired(loaders.sourceById, ref.sourceId, "source"),
  },
  Counterpart: {
    person: (c) => c.person,
    firstMeeting: (c) => required(c.firstMeeting, "first meeting"),
    lastMeeting: (c) => required(c.lastMeeting, "last meeting"),
  },
};

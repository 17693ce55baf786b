import type { Resolvers } from "../__generated__/resolvers.js";
import { compact, searchText } from "../graphql/input.js";
import { loadAll, loadOptional, loadRequired } from "../graphql/loaders.js";
import { connectionResolvers, loadConnection, pageSize } from "../graphql/pagination.js";
import { DEFAULT_MEETING_ORDER, meetingFilter, withParticipants } from "../meeting/filter.js";

export const personResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, { loaders }) => loaders.personById.load(id),
    people: (_root, { search, countryId, first, after }, { loaders }) =>
      loadConnection(loaders.personConnection, compact({ search: searchText(search), countryId }), { first, after }),
  },
  Person: {
    roles: (person, _args, { loaders }) => loaders.personRoles.load(person.id),
    relations: (person, _args, { loaders }) => loaders.personRelations.load(person.id),
    countries: (person, _args, { loaders }) => loadAll(loaders.countryById, loaders.personCountryIds.load(person.id)),
    meetings: (person, { filter, orderBy, first, after }, { loaders }) =>
      loadConnection(loaders.meetingConnection, withParticipants(meetingFilter(filter), [person.id]), { first, after }, orderBy ?? DEFAULT_MEETING_ORDER),
    counterparts: (person, { first, orderBy, filter }, { loaders }) =>
      loaders.counterparts.load({ personId: person.id, filter: meetingFilter(filter), order: orderBy ?? "TIME_TOGETHER", limit: pageSize(first) }),
    statements: (person, { first, after }, { loaders }) => loadConnection(loaders.statementConnection, { speakerId: person.id }, { first, after }),
  },
  PersonConnection: connectionResolvers,
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
    person: (c, _args, { loaders }) => loadRequired(loaders.personById, c.personId, "counterpart"),
    firstMeeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, c.firstMeetingId, "meeting"),
    lastMeeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, c.lastMeetingId, "meeting"),
  },
};

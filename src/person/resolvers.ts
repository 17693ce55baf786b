import { getArgumentValues, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type { Resolvers } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import { required } from "../graphql/errors.js";
import { compact, searchText } from "../graphql/input.js";
import { loadAll, loadOptional, loadRequired } from "../db/loaders.js";
import { selectedFields } from "../graphql/lookahead.js";
import { loadConnection } from "../db/pagination.js";
import { DEFAULT_MEETING_ORDER, meetingFilter, withParticipants } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";
import { rankingRequest, type RankingRequest } from "./counterparts.js";
import type { PersonRecord } from "./person.js";
import { loadStatementConnection } from "../statement/statement.js";

/**
 * `person(id:)`. When the client also selects one ranking of counterparts, the person and the
 * ranking come from one statement, and the ranking is put in the loader `Person.counterparts`
 * reads, so the request costs one round trip instead of two. Arguments the counterparts field
 * would refuse are left to it, so its error keeps its path.
 */
async function loadPerson(id: string, { loaders }: Context, info: GraphQLResolveInfo): Promise<PersonRecord | null> {
  const selections = selectedFields(info, ["counterparts"]);
  if (selections.length !== 1) return loaders.personById.load(id);
  let ranking: RankingRequest;
  try {
    const node = selections[0]!;
    const field = (info.schema.getType("Person") as GraphQLObjectType).getFields().counterparts!;
    ranking = rankingRequest(getArgumentValues(field, node, info.variableValues), { fieldNodes: [node], fragments: info.fragments });
  } catch {
    return loaders.personById.load(id);
  }
  const found = await loaders.personWithCounterparts.load({ id, counterparts: ranking });
  if (!found) return null;
  loaders.personById.prime(id, found.person);
  loaders.counterparts.prime({ personId: found.person.id, ...ranking }, found.counterparts);
  return found.person;
}

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
    firstMeeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, required(c.firstMeetingId, "first meeting id"), "meeting"),
    lastMeeting: (c, _args, { loaders }) => loadRequired(loaders.meetingById, required(c.lastMeetingId, "last meeting id"), "meeting"),
  },
};

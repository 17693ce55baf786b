import type { Resolvers } from "../__generated__/resolvers.js";
import { loadOptional } from "../graphql/loaders.js";
import { DEFAULT_MEETING_ORDER, meetingFilter } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";

export const placeResolvers: Resolvers = {
  Query: {
    place: (_root, { id }, { loaders }) => loaders.placeById.load(id),
  },
  Place: {
    within: (p, _args, { loaders }) => loadOptional(loaders.placeById, p.withinId),
    country: (p, _args, { loaders }) => loadOptional(loaders.countryById, p.countryId),
    meetings: (p, { filter, orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { ...meetingFilter(filter), placeId: p.id }, { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
  },
};

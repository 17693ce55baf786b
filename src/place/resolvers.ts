import type { Resolvers } from "../__generated__/resolvers.js";
import { loadOptional } from "../db/loaders.js";
import { DEFAULT_MEETING_ORDER, meetingFilter } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";
import { placeLink } from "./place.js";

export const placeResolvers: Resolvers = {
  Query: {
    place: (_root, { id }, { loaders }) => loaders.placeById.load(id),
  },
  Place: {
    within: async (p, _args, { loaders }) => (p.within !== undefined ? p.within : loadOptional(loaders.placeById, await placeLink(p, "within", loaders))),
    country: async (p, _args, { loaders }) => (p.country !== undefined ? p.country : loadOptional(loaders.countryById, await placeLink(p, "country", loaders))),
    meetings: (p, { filter, orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { ...meetingFilter(filter), placeId: p.id }, { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
  },
};

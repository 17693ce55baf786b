import type { Resolvers } from "../__generated__/resolvers.js";
import { loadAll } from "../db/loaders.js";
import { loadConnection } from "../db/pagination.js";
import { DEFAULT_MEETING_ORDER, meetingFilter } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";
import { allCountries } from "./country.js";

export const countryResolvers: Resolvers = {
  Query: {
    country: (_root, { id }, { loaders }) => loaders.countryById.load(id),
    countries: (_root, _args, { db }) => allCountries(db),
  },
  Country: {
    people: (c, { first, after }, { loaders }, info) => loadConnection(loaders.personConnection, { countryId: c.id }, { first, after }, info),
    meetings: (c, { filter, orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { ...meetingFilter(filter), countryId: c.id }, { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
    places: (c, _args, { loaders }) => loadAll(loaders.placeById, loaders.countryPlaceIds.load(c.id)),
  },
};

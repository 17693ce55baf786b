import type { Resolvers } from "../__generated__/resolvers.js";
import { loadOptional } from "../db/loaders.js";

export const organizationResolvers: Resolvers = {
  Query: {
    organization: (_root, { id }, { loaders }) => loaders.organizationById.load(id),
  },
  Organization: {
    country: (o, _args, { loaders }) => loadOptional(loaders.countryById, o.countryId),
  },
};

import type { Resolvers } from "../__generated__/resolvers.js";

export const personResolvers: Resolvers = {
  Query: {
    person: (_root, { id }, { loaders }) => loaders.personById.load(id),
  },
};

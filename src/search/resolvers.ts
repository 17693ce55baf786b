import type { Resolvers } from "../__generated__/resolvers.js";
import { hitParts, primeHitParts, searchConnection, searchGraph } from "./search.js";

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, { query, first }, { db, loaders }, info) => {
      const hits = await searchGraph(db, query, first, hitParts(info));
      primeHitParts(loaders, hits);
      return hits;
    },
    searchResults: (_root, { query, first, after }, { loaders }, info) => searchConnection(loaders, query, { first, after }, info),
  },
  SearchResult: {
    __resolveType: (hit) => hit.__typename,
  },
};

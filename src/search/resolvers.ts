import type { Resolvers } from "../__generated__/resolvers.js";
import { searchGraph } from "./search.js";

export const searchResolvers: Resolvers = {
  Query: {
    search: (_root, { query, first }, { db }) => searchGraph(db, query, first),
  },
  SearchResult: {
    __resolveType: (hit) => hit.__typename,
  },
};

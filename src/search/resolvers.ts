import type { Resolvers } from "../__generated__/resolvers.js";
import { searchConnection, searchGraph } from "./search.js";

export const searchResolvers: Resolvers = {
  Query: {
    search: (_root, { query, first }, { db }) => searchGraph(db, query, first),
    searchResults: (_root, { query, first, after }, { loaders }, info) => searchConnection(loaders, query, { first, after }, info),
  },
  SearchResult: {
    __resolveType: (hit) => hit.__typename,
  },
};

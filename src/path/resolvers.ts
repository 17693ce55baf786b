import type { Resolvers } from "../__generated__/resolvers.js";
import { connectionPath, maxHopsOf } from "./path.js";

export const pathResolvers: Resolvers = {
  Query: {
    connectionPath: (_root, { fromId, toId, maxHops }, { db }) => connectionPath(db, fromId, toId, maxHopsOf(maxHops)),
  },
};

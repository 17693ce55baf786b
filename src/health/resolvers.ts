import type { Resolvers } from "../__generated__/resolvers.js";

const VERSION = `CALL dbms.components() YIELD versions, edition RETURN versions[0] + " " + edition AS version`;

export const healthResolvers: Resolvers = {
  Query: {
    health: async (_root, _args, { db }) => {
      const [row] = await db.read<{ version: string }>("health", VERSION);
      return { database: true, neo4jVersion: row?.version ?? "unknown" };
    },
  },
};

import type { Resolvers } from "../__generated__/resolvers.js";
import { loadRequired } from "../graphql/loaders.js";
import { connectionPath, maxHopsOf } from "./path.js";

export const pathResolvers: Resolvers = {
  Query: {
    connectionPath: (_root, { fromId, toId, maxHops }, { db }) => connectionPath(db, fromId, toId, maxHopsOf(maxHops)),
  },
  PathStep: {
    from: (step, _args, { loaders }) => loadRequired(loaders.personById, step.fromId, "person"),
    to: (step, _args, { loaders }) => loadRequired(loaders.personById, step.toId, "person"),
    meeting: (step, _args, { loaders }) => loadRequired(loaders.meetingById, step.meetingId, "meeting"),
  },
};

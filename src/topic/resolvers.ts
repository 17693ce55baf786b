import type { Resolvers } from "../__generated__/resolvers.js";
import { loadConnection } from "../db/pagination.js";
import { DEFAULT_MEETING_ORDER } from "../meeting/filter.js";
import { loadMeetingConnection } from "../meeting/meeting.js";
import { allTopics } from "./topic.js";

export const topicResolvers: Resolvers = {
  Query: {
    topic: (_root, { id }, { loaders }) => loaders.topicById.load(id),
    topics: (_root, _args, { db }) => allTopics(db),
  },
  Topic: {
    meetings: (t, { orderBy, first, after }, { loaders }, info) =>
      loadMeetingConnection(loaders, { topicId: t.id }, { first, after }, orderBy ?? DEFAULT_MEETING_ORDER, info),
    statements: (t, { first, after }, { loaders }, info) => loadConnection(loaders.statementConnection, { topicId: t.id }, { first, after }, info),
  },
};

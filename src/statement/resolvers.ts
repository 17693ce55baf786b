import type { Resolvers } from "../__generated__/resolvers.js";
import { loadAll, loadOptional, loadRequired } from "../db/loaders.js";
import { loadStatementConnection, statementFilter } from "./statement.js";

export const statementResolvers: Resolvers = {
  Query: {
    statement: (_root, { id }, { loaders }) => loaders.statementById.load(id),
    statements: (_root, { filter, first, after }, { loaders }, info) => loadStatementConnection(loaders, statementFilter(filter), { first, after }, info),
  },
  Statement: {
    madeOn: (s) => s.saidOn,
    speaker: (s, _args, { loaders }) => loadRequired(loaders.personById, s.speakerId, "speaker"),
    meeting: (s, _args, { loaders }) => loadOptional(loaders.meetingById, s.meetingId),
    place: (s, _args, { loaders }) => loadOptional(loaders.placeById, s.placeId),
    topics: (s, _args, { loaders }) => loadAll(loaders.topicById, loaders.statementTopicIds.load(s.id)),
    wordings: (s, _args, { loaders }) => loaders.statementWordings.load(s.id),
    sources: (s, _args, { loaders }) => loadAll(loaders.sourceById, loaders.statementSourceIds.load(s.id)),
  },
  Wording: {
    source: (w, _args, { loaders }) => loadRequired(loaders.sourceById, w.sourceId, "wording source"),
  },
};

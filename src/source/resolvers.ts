import type { Resolvers } from "../__generated__/resolvers.js";
import { loadAll, loadOptional } from "../db/loaders.js";
import { allSources } from "./source.js";

export const sourceResolvers: Resolvers = {
  Query: {
    source: (_root, { id }, { loaders }) => loaders.sourceById.load(id),
    sources: (_root, _args, { db }) => allSources(db),
  },
  Source: {
    publishedBy: (s, _args, { loaders }) => loadOptional(loaders.organizationById, s.publishedById),
    claims: (s, _args, { loaders }) => loaders.claimsBySource.load(s.id),
    statements: (s, _args, { loaders }) => loadAll(loaders.statementById, loaders.sourceStatementIds.load(s.id)),
  },
};

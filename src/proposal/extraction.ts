/** The extraction ingest runs (src/extract/): offline, deterministic, reading the graph to resolve and dedupe. */
import { articleText, extractProposals, neo4jLookup } from "../extract/index.js";
import type { Extraction } from "./ingest.js";

export const articleExtraction: Extraction = {
  articleText: (raw) => articleText(raw),
  extract: (ctx, article) => extractProposals(article, neo4jLookup(ctx.db)),
};

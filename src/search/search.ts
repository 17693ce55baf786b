/** Full-text search over one Neo4j full-text index spanning every searchable label (migration 2). */
import type { Neo4jExecutor } from "../db/executor.js";
import { badUserInput } from "../graphql/errors.js";
import { normalizeText } from "../graphql/input.js";
import { pageSize } from "../graphql/pagination.js";

export const SEARCH_INDEX = "meetgraph_search";
export const SEARCHABLE = ["Person", "Meeting", "Statement", "Place", "Organization", "Country"] as const;
export type SearchableLabel = (typeof SEARCHABLE)[number];

const MAX_QUERY_LENGTH = 200;

// One index, so scores are comparable across labels and the union comes ranked from one statement.
const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
RETURN [label IN labels(node) WHERE label IN $labels][0] AS label, node.id AS id
ORDER BY score DESC, id
LIMIT toInteger($first)`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The user's words as a Lucene query that cannot fail to parse: specials escaped, operators
 * lower-cased into plain words, each word matched whole (ranks higher) or as a prefix.
 */
export function luceneQuery(text: string): string {
  const words = normalizeText(text).split(/\s+/).filter(Boolean).map((w) => w.replace(LUCENE_SPECIAL, "\\$&"));
  return words.map((w) => `${w} ${w}*`).join(" ");
}

export interface SearchHitRef {
  label: SearchableLabel;
  id: string;
}

export async function searchGraph(db: Neo4jExecutor, text: string, first: number | null | undefined): Promise<SearchHitRef[]> {
  const limit = pageSize(first);
  if (!text.trim()) throw badUserInput("query", "must not be blank");
  if (text.length > MAX_QUERY_LENGTH) throw badUserInput("query", `must be at most ${MAX_QUERY_LENGTH} characters`);
  if (limit === 0) return [];
  return db.read<SearchHitRef>("search", SEARCH, { index: SEARCH_INDEX, query: luceneQuery(text), labels: SEARCHABLE, first: limit });
}

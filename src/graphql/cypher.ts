/** Cypher shapes shared by the domains. Built only from constant fragments: user input travels as parameters. */
import { int } from "neo4j-driver";
import type { Neo4jExecutor } from "../db/executor.js";
import { byRequest } from "./loaders.js";
import type { PageKey } from "./pagination.js";

export interface ConnectionSpec<K> {
  /** The variable the statement binds, e.g. "m". */
  node: string;
  /** MATCH … WHERE … binding `node`, reading the filter as `f` (and the request as `r`); may depend on the request's shape. */
  match: string | ((key: K) => string);
  /** ORDER BY expressions; they must end with the node's id so the order is total. */
  order: string | ((key: K) => string);
  /** The projection of `node` into its record; may depend on the fields the request includes. */
  fields: string | ((key: K) => string);
}

/**
 * A page per request, batched into one statement. Without `totalCount` the database stops at
 * the page's last row. The page size is written into the statement, as the planner sizes its
 * plan by it: behind a parameter it filters every candidate before it orders them (17,427 against
 * 1,925 database hits for meetingsBetween in bench/). It is an integer of at most
 * MAX_PAGE_SIZE + 1, so few statements come of it; the offset, unbounded, is a parameter, and
 * requests with another offset or size run in a statement of their own. With `totalCount`,
 * every match is collected to be counted and ordered, and the page is sliced out of them: the
 * count costs no second run of the filter.
 */
function connectionCypher(node: string, match: string, order: string, fields: string, { counted, limit }: PageKey<unknown>): string {
  const page = counted
    ? `WITH r, collect(${node}) AS ordered
  RETURN {nodes: [${node} IN ordered[r.skip..r.skip + r.limit] | ${fields}], totalCount: size(ordered)} AS value`
    : `SKIP $skip LIMIT ${limitLiteral(limit)}
  WITH r, collect(${node}) AS page
  RETURN {nodes: [${node} IN page | ${fields}]} AS value`;
  return `
UNWIND $requests AS r
CALL (r) {
  WITH r, r.filter AS f
  ${match}
  WITH r, ${node} ORDER BY ${order}
  ${page}
}
RETURN r.index AS index, value`;
}

/**
 * A LIMIT written into a statement, for the planner to size its plan by. Only a count the
 * service computed (a page size it validated) may be written so; anything else is a bug.
 */
export function limitLiteral(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`LIMIT ${count} is not a count`);
  return String(count);
}

/** One page of a connection, and the number of all its matches when the request counts them. */
export interface PageRows<N> {
  nodes: N[];
  totalCount?: number;
}

/** The loader behind every connection of one node type. */
export function connectionLoader<F, N>(db: Neo4jExecutor, name: string, { node, match, order, fields }: ConnectionSpec<PageKey<F>>) {
  const of = (part: string | ((key: PageKey<F>) => string), key: PageKey<F>) => (typeof part === "string" ? part : part(key));
  return byRequest<PageKey<F>, PageRows<N>>(
    db,
    `${name}.pages`,
    (key) => connectionCypher(node, of(match, key), of(order, key), of(fields, key), key),
    { nodes: [], totalCount: 0 },
    // JavaScript numbers travel as floats, which SKIP refuses.
    ({ counted, skip }) => (counted ? {} : { skip: int(skip) }),
  );
}
export type ConnectionLoader<F, N> = ReturnType<typeof connectionLoader<F, N>>;

/**
 * The ids of the nodes related to each owner in `$ids`, in order: `pattern` binds the owner by
 * `{id: id}` and the related node as `x`; `order` sorts `x` and ends with `x.id`.
 */
export const relatedIds = (pattern: string, order: string) => `
UNWIND $ids AS id
MATCH ${pattern}
WITH DISTINCT id, x ORDER BY ${order}
RETURN id, collect(x.id) AS items`;

/** Nodes by id for `nodesById`: `variable` is bound to the `label` node with each id in `$ids` and projected by `fields`. */
export const byIdCypher = (variable: string, label: string, fields: string) => `
UNWIND $ids AS id
MATCH (${variable}:${label} {id: id})
RETURN ${fields} AS node`;

/**
 * Provenance kept on an edge `a` as parallel lists, zipped into SourceReferences. A list holds no
 * nulls, so "" in `notes` means no note; an edge written before bases existed reads as STATED.
 */
export const EDGE_SOURCES = `[i IN range(0, size(coalesce(a.sourceIds, [])) - 1) | {
  sourceId: a.sourceIds[i], excerpt: a.excerpts[i],
  basis: coalesce(a.bases[i], 'STATED'), note: CASE WHEN a.notes[i] <> '' THEN a.notes[i] END
}]`;

/**
 * The entry of `map` for a name a client chose (a selected field, an order): only the map's own
 * entries, never what every object inherits (`constructor`, `toString`, `__proto__`).
 */
export function ownEntry<K extends string, V>(map: Partial<Record<K, V>>, name: string): V | undefined {
  return Object.hasOwn(map, name) ? map[name as K] : undefined;
}

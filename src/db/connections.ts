/** Cypher shapes shared by the domains. Built only from constant fragments: user input travels as parameters. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byRequest } from "./loaders.js";
import type { ConnectionLoader, PageKey, PageRows } from "./pagination.js";

/** One key of a list's order: an expression over the page's node, ascending unless `descending`. */
export interface OrderKey {
  by: string;
  descending?: boolean;
}

export interface ConnectionSpec<K> {
  /** The variable the statement binds, e.g. "m". */
  node: string;
  /** MATCH … WHERE … binding `node`, reading the filter as `f` (and the request as `r`); may depend on the request's shape. */
  match: string | ((key: K) => string);
  /** The order's keys (one list, or one per order name); they must end with the node's id so the order is total. */
  order: OrderKey[] | ((order: string | undefined) => OrderKey[]);
  /** The projection of `node` into its record; may depend on the fields the request includes. */
  fields: string | ((key: K) => string);
}

/** ORDER BY expressions of an order's keys. */
export const orderBy = (keys: OrderKey[]) => keys.map(({ by, descending }) => (descending ? `${by} DESC` : by)).join(", ");

/**
 * True for the rows strictly after the cursor keys `r.after` in the order of `keys`, as ORDER BY
 * places them: null sorts last ascending and first descending, and equals null.
 */
function afterCursor(keys: OrderKey[]): string {
  const same = ({ by }: OrderKey, i: number) => `((${by}) = r.after[${i}] OR ((${by}) IS NULL AND r.after[${i}] IS NULL))`;
  const beyond = ({ by, descending }: OrderKey, i: number) =>
    descending
      ? `((${by}) < r.after[${i}] OR (r.after[${i}] IS NULL AND (${by}) IS NOT NULL))`
      : `((${by}) > r.after[${i}] OR (r.after[${i}] IS NOT NULL AND (${by}) IS NULL))`;
  return keys.map((key, i) => `(${[...keys.slice(0, i).map(same), beyond(key, i)].join(" AND ")})`).join("\n    OR ");
}

/**
 * A page per request: the body of a subquery that reads the request (a PageKey) as `r` and
 * returns the page's rows as `as`, batched into one statement, or embedded in a larger one. A
 * page after a cursor keeps the rows past the cursor's keys (see afterCursor), so it starts where the previous one ended whatever was written
 * elsewhere in the list in between; each row returns its keys, for its own cursor. Without
 * `totalCount` the database stops at the page's last row. The page size is written into the
 * statement, as the planner sizes its plan by it: behind a parameter it filters every candidate
 * before it orders them (17,427 against 1,925 database hits for meetingsBetween in bench/). It is
 * an integer of at most MAX_PAGE_SIZE + 1, so few statements come of it. With `totalCount`, every
 * match is collected to be counted and ordered, and the page is taken from them: the count costs
 * no second run of the filter.
 */
function pageCypher(node: string, match: string, keys: OrderKey[], fields: string, { counted, limit, after }: PageKey<unknown>, as: string): string {
  const keyList = `[${keys.map(({ by }) => by).join(", ")}]`;
  const rows = (list: string) => `nodes: [${node} IN ${list} | ${fields}], keys: [${node} IN ${list} | ${keyList}]`;
  const page = counted
    ? `WITH r, collect(${node}) AS ordered
  WITH ordered, ${after ? `[${node} IN ordered WHERE ${afterCursor(keys)}]` : "ordered"}[..${limitLiteral(limit)}] AS page
  RETURN {${rows("page")}, totalCount: size(ordered)} AS ${as}`
    : `LIMIT ${limitLiteral(limit)}
  WITH r, collect(${node}) AS page
  RETURN {${rows("page")}} AS ${as}`;
  return `
  WITH r, r.filter AS f
  ${match}${after && !counted ? `\n  WITH r, ${node} WHERE ${afterCursor(keys)}` : ""}
  WITH r, ${node} ORDER BY ${orderBy(keys)}
  ${page}`;
}

/**
 * A LIMIT written into a statement, for the planner to size its plan by. Only a count the
 * service computed (a page size it validated) may be written so; anything else is a bug.
 */
export function limitLiteral(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) throw new Error(`LIMIT ${count} is not a count`);
  return String(count);
}

/** The loader behind every connection of one node type. */
export function connectionLoader<F, N>(db: Neo4jExecutor, name: string, { node, match, order, fields }: ConnectionSpec<PageKey<F>>): ConnectionLoader<F, N> {
  const of = (part: string | ((key: PageKey<F>) => string), key: PageKey<F>) => (typeof part === "string" ? part : part(key));
  const keysOf = (name?: string) => (typeof order === "function" ? order(name) : order);
  const subquery = (key: PageKey<F>, as: string) => pageCypher(node, of(match, key), keysOf(key.order), of(fields, key), key, as);
  const empty: PageRows<N> = { nodes: [], keys: [], totalCount: 0 };
  const pages = byRequest<PageKey<F>, PageRows<N>>(
    db,
    `${name}.pages`,
    (key) => `
UNWIND $requests AS r
CALL (r) {${subquery(key, "value")}
}
RETURN r.index AS index, value`,
    empty,
  );
  return {
    load: (key) => pages.load(key),
    keyCount: (name) => keysOf(name).length,
    subquery,
    prime: (key, rows) => void pages.prime(key, rows ?? empty),
  };
}

/**
 * The ids of the nodes related to each owner in `$ids`, in order: `pattern` binds the owner by
 * `{id: id}` and the related node as `x`; `order` sorts `x` and ends with `x.id`.
 */
export const relatedIds = (pattern: string, order: string) => `
UNWIND $ids AS id
MATCH ${pattern}
WITH DISTINCT id, x ORDER BY ${order}
RETURN id, collect(x.id) AS items`;

/**
 * A list per owner for `listsById`: `variable` is bound to the `label` node with each id in `$ids`,
 * and `items` is an expression over it (a COLLECT subquery), so the same fragment can also be read
 * inside a larger statement that has the owner bound.
 */
export const listsOfCypher = (variable: string, label: string, items: string) => `
UNWIND $ids AS id
MATCH (${variable}:${label} {id: id})
RETURN id, ${items} AS items`;

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

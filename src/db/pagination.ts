/**
 * Relay connections over keyset cursors (docs/decisions/0010-keyset-cursors.md). A cursor is
 * base64url JSON `{"after": [...]}`: the order keys of the edge's row, ending with its id. The
 * next page starts strictly after that tuple, so rows added or removed elsewhere in the list
 * between two requests shift nothing.
 */
import neo4j, { isDate } from "neo4j-driver";
import { badUserInput } from "../graphql/errors.js";
import { selects, type Selection } from "../graphql/lookahead.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** An order key as the database compares it: a date travels as the driver's Date, so it compares as one. */
export type KeyValue = string | number | boolean | null | InstanceType<typeof neo4j.types.Date>;

/** What a page loader is asked for: one more row than the page, to know whether another page follows. */
export interface PageKey<F> {
  filter: F;
  order?: string;
  /** The order keys of the row the page starts after; none for the first page. */
  after?: KeyValue[];
  limit: number;
  /** Whether the client selected `totalCount`: only then are all matches counted. */
  counted: boolean;
  /** The node fields the client selected, for loaders that read only those. */
  include?: string[];
}

/** One page of a connection, each row with its order keys, and the number of all matches when the request counts them. */
export interface PageRows<N> {
  nodes: N[];
  keys: KeyValue[][];
  totalCount?: number;
}

/** What loadConnection needs of a list: its pages, and how many keys each of its orders has (to check a cursor against). */
export interface ConnectionLoader<F, N> {
  load(key: PageKey<F>): Promise<PageRows<N>>;
  keyCount(order?: string): number;
  /**
   * The page as the body of a subquery, for a statement that reads it along with other things:
   * it reads the PageKey as `r` and returns the rows as `as`, or no row when nothing matches.
   */
  subquery(key: PageKey<F>, as: string): string;
  /** Gives `load(key)` the rows such a statement read (null: it found none). */
  prime(key: PageKey<F>, rows: PageRows<N> | null): void;
}

/** A page of one connection, ready to be read: the loader, and the key its client asked for. */
export interface PageRequest<F, N> {
  pages: ConnectionLoader<F, N>;
  key: PageKey<F>;
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

export interface Connection<N> {
  edges: Edge<N>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Present when the client selected it (the only time it is resolved). */
  totalCount?: number;
}

/** A date key in a cursor: JSON has no dates. */
interface CursorDate {
  date: string;
}
type CursorValue = Exclude<KeyValue, object> | CursorDate;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function cursorValue(value: unknown): CursorValue {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value as CursorValue;
  if (isDate(value)) return { date: value.toString() };
  throw new Error(`an order key must be text, a number, a boolean, a date or null, not ${String(value)}`);
}

export const encodeCursor = (keys: unknown[]) => Buffer.from(JSON.stringify({ after: keys.map(cursorValue) })).toString("base64url");

/** A cursor's date, or undefined when it is not a calendar day (a date the database would refuse). */
function dateOf(text: string): KeyValue | undefined {
  const [, year, month, day] = DAY.exec(text) ?? [];
  const calendar = new Date(`${text}T00:00:00Z`);
  if (!year || !month || !day || Number.isNaN(calendar.getTime()) || calendar.toISOString().slice(0, 10) !== text) return undefined;
  return new neo4j.types.Date(Number(year), Number(month), Number(day));
}

function keyValue(value: unknown): KeyValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "object" && Object.keys(value).length === 1 && typeof (value as CursorDate).date === "string") return dateOf((value as CursorDate).date);
  return undefined;
}

const NOT_A_CURSOR = "not a cursor from this API; use a pageInfo.endCursor or edge cursor as it was returned";

/** The order keys a cursor holds, checked against the list's order: as many keys, each a value an order key can have. */
function decodeCursor(cursor: string, keyCount: number): KeyValue[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badUserInput("after", NOT_A_CURSOR);
  }
  if (decoded !== null && typeof decoded === "object" && "offset" in decoded) {
    throw badUserInput("after", "cursor from an older version: restart paging from the first page");
  }
  const after = (decoded as { after?: unknown } | null)?.after;
  if (!Array.isArray(after) || after.length !== keyCount) throw badUserInput("after", NOT_A_CURSOR);
  const keys = after.map(keyValue);
  if (keys.includes(undefined)) throw badUserInput("after", NOT_A_CURSOR);
  return keys as KeyValue[];
}

/** `first` within 0..max, 20 by default; the argument name is for the error message. */
export function pageSize(first: number | null | undefined, argument = "first"): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw badUserInput(argument, `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}

/** Validates the page arguments: the page to read, with the total when `info`'s selection has it. */
export function pageRequest<F, N>(
  pages: ConnectionLoader<F, N>,
  filter: F,
  args: PageArgs,
  info: Selection,
  order?: string,
  include?: PageKey<F>["include"],
): PageRequest<F, N> {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, pages.keyCount(order)) : undefined;
  const counted = selects(info, ["totalCount"]);
  return { pages, key: { filter, order, after, limit: first + 1, counted, include } };
}

/** Reads one page (or finds it read already) as a connection. */
export async function loadPage<F, N>({ pages, key }: PageRequest<F, N>): Promise<Connection<N>> {
  const { nodes, keys, totalCount } = await pages.load(key);
  return connectionOf(nodes, keys, key.limit - 1, key.after !== undefined, totalCount);
}

/** Validates the page arguments and asks the loader for one page, and for the total when `info`'s selection has it. */
export async function loadConnection<F, N>(...request: Parameters<typeof pageRequest<F, N>>): Promise<Connection<N>> {
  return loadPage(pageRequest(...request));
}

/**
 * A page from the rows from its start on (one more than the page when another page follows).
 * Whether rows precede the page is not looked up: a page after a cursor says it has some.
 */
function connectionOf<N>(rows: N[], keys: unknown[][], first: number, paged: boolean, totalCount: number | undefined): Connection<N> {
  const edges = rows.slice(0, first).map((node, i) => ({ cursor: encodeCursor(keys[i]!), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: paged,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** Compares two order keys as Cypher's ORDER BY does for text, numbers and booleans: null last. */
function compareKey(a: KeyValue, b: KeyValue): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * A page of a list computed in full by the service (items judged by rules the database cannot
 * run), in ascending order of `keysOf`, with the same cursors: it starts after the cursor's keys.
 */
export function pageOfList<N>(items: N[], args: PageArgs, keysOf: (item: N) => KeyValue[], keyCount: number): Connection<N> {
  const first = pageSize(args.first);
  const after = args.after ? decodeCursor(args.after, keyCount) : undefined;
  const start = after ? items.findIndex((item) => isAfter(keysOf(item), after)) : 0;
  const rest = start < 0 ? [] : items.slice(start, start + first + 1);
  return connectionOf(rest, rest.map(keysOf), first, after !== undefined, items.length);
}

/** Whether keys come strictly after `after` in ascending order. */
export function isAfter(keys: KeyValue[], after: KeyValue[]): boolean {
  for (const [i, key] of keys.entries()) {
    const order = compareKey(key, after[i] ?? null);
    if (order !== 0) return order > 0;
  }
  return false;
}

/** The cursor `after` of a list the service computes, decoded, for it to start past (see pageOfList). */
export const cursorKeys = (args: PageArgs, keyCount: number) => (args.after ? decodeCursor(args.after, keyCount) : undefined);

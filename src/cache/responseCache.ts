/**
 * A cache of whole query answers that never serves one from before an acknowledged write
 * (docs/decisions/0011-response-cache.md, docs/operations.md "Response cache"). Answers live in
 * this instance's memory; the version counters that say whether they are still current live here
 * too, or with REDIS_URL in the Redis every instance shares.
 */
import { createHash } from "node:crypto";
import type { ApolloServerPlugin, GraphQLRequestContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { LRUCache } from "lru-cache";
import type { AuthState } from "../auth/credentials.js";
import type { Context } from "../context.js";
import type { Neo4jExecutor } from "../db/executor.js";
import type { CommitListener, CommittedWrite } from "../events/changes.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics/metrics.js";
import type { SharedRedis } from "../redis/sharedRedis.js";
import { documentTags, idTag, linksTag, namedStrings, recordIdsOnResolve, recordShownIds, type ShownIds } from "./dependencies.js";
import { touchedTags } from "./invalidation.js";
import { EVERYTHING, LocalTagVersions, RedisTagVersions, type TagVersions } from "./versions.js";

interface Entry {
  data: Record<string, unknown>;
  tags: string[];
  versions: number[];
}

export interface ResponseCacheOptions {
  schema: GraphQLSchema;
  maxEntries: number;
  db: Neo4jExecutor;
  redis: SharedRedis | undefined;
  metrics: Metrics["responseCache"];
  logger: Logger;
}

/** Who is asking, as far as it changes the answer: fields refused to one permission are answered to another. Null: not cached (a refused token). */
function audience(auth: AuthState): string | null {
  if (auth.problem) return null;
  return auth.principal ? [...auth.principal.permissions].sort().join(",") : "anonymous";
}

function keyOf(request: GraphQLRequestContext<Context>, who: string): string {
  return createHash("sha256")
    .update(JSON.stringify([request.queryHash, request.operationName ?? null, request.request.variables ?? {}, who]))
    .digest("base64url");
}

const sameVersions = (a: number[], b: number[]) => a.length === b.length && a.every((version, i) => version === b[i]);

export async function createResponseCache({ schema, maxEntries, db, redis, metrics, logger }: ResponseCacheOptions) {
  recordIdsOnResolve(schema);
  const versions: TagVersions = redis ? new RedisTagVersions(redis) : new LocalTagVersions();
  // Whatever a previous run of this graph stored (with Redis: other instances) may predate a reset or a migration.
  await versions.touch([EVERYTHING]);
  const entries = new LRUCache<string, Entry>({ max: maxEntries });
  const listTags = new LRUCache<string, string[] | false>({ max: 1_000 });

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let pending: { key: string; sequence: number; ids: ShownIds; tags: string[] } | null = null;
      return {
        async responseForOperation(request) {
          const who = audience(request.contextValue.auth);
          const { queryHash } = request;
          if (request.operation.operation !== "query" || !who || !queryHash) return null;
          let tags = listTags.get(queryHash);
          if (tags === undefined) listTags.set(queryHash, (tags = documentTags(schema, request.document) ?? false));
          if (tags === false) return null;
          const key = keyOf(request, who);
          const entry = entries.get(key);
          const now = await versions.read(entry?.tags ?? []);
          if (!now) {
            metrics.lookup("unavailable");
            return null;
          }
          if (entry && sameVersions(entry.versions, now.versions)) {
            metrics.lookup("hit");
            return { http: request.response.http, body: { kind: "single", singleResult: { data: entry.data } } };
          }
          metrics.lookup(entry ? "outdated" : "miss");
          pending = {
            key,
            sequence: now.sequence,
            ids: recordShownIds(request.contextValue),
            tags: [EVERYTHING, ...tags, ...namedStrings(request.document, request.request.variables).flatMap((id) => [idTag(id), linksTag(id)])],
          };
          return null;
        },
        async willSendResponse({ response }) {
          if (!pending || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length || !data) return;
          const { key, sequence } = pending;
          const tags = [...new Set([...pending.tags, ...[...pending.ids.ids].map(idTag), ...[...pending.ids.linked].map(linksTag)])];
          // Off the answer's path: the client need not wait for the store.
          void versions.read(tags).then((now) => {
            if (!now) return;
            // A tag newer than the sequence the query started at: a write committed while it ran, so this answer may predate it.
            if (now.versions.some((version) => version > sequence)) return metrics.stores.inc({ outcome: "raced" });
            entries.set(key, { data, tags, versions: now.versions });
            metrics.stores.inc({ outcome: "stored" });
          });
        },
      };
    },
  };

  /** Touches what `write` changed, then lets `next` publish its events: a client that hears of the write and asks again gets the new answer. */
  const invalidating = (next: CommitListener & { settled: () => Promise<void> }) =>
    Object.assign(
      async (write: CommittedWrite) => {
        const tags = await touchedTags(write, db).catch((error: unknown) => {
          logger.warn({ err: error, mutation: write.mutation }, "what a write touched could not be read: every cached answer is dropped");
          return [EVERYTHING];
        });
        await versions.touch(tags);
        metrics.invalidations.inc();
        metrics.touchedTags.inc(tags.length);
        await next(write);
      },
      { settled: next.settled },
    );

  return { plugin, invalidating };
}

/**
 * What several instances share when REDIS_URL is set (rate-limit buckets, persisted queries,
 * subscription events), or nothing (each instance on its own, as without Redis): the server asks
 * for it by setting, and never talks to Redis itself.
 */
import { RedisBus } from "../events/redisBus.js";
import type { Logger } from "../logger.js";
import { RedisPersistedQueryCache } from "./persistedQueryCache.js";
import { SharedRedis } from "./sharedRedis.js";
import { RedisTokenBuckets } from "./tokenBuckets.js";

export async function connectSharedState(url: string | undefined, logger: Logger) {
  if (!url) return undefined;
  const redis = new SharedRedis(url, logger);
  await redis.connected();
  return {
    redis,
    persistedQueries: new RedisPersistedQueryCache(redis),
    events: new RedisBus(redis),
    tokenBuckets: (perMinute: number, burst: number) => new RedisTokenBuckets(redis, perMinute, burst),
  };
}

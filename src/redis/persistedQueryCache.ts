/**
 * Apollo Server's cache of automatic persisted queries (a KeyValueCache: get, set with a ttl in
 * seconds, delete) in Redis, so a query registered on one instance runs on every other. Each
 * instance also keeps what it registered, bounded, for while Redis is away: then a hash another
 * instance registered costs the client one more round trip (PERSISTED_QUERY_NOT_FOUND, then the
 * query again), as it does on a single instance whose cache has dropped it.
 */
import { LRUCache } from "lru-cache";
import type { SharedRedis } from "./sharedRedis.js";

/**
 * How long Redis keeps a registered query when Apollo Server gives no ttl: clients register a
 * query again when it is gone, so a day bounds Redis's memory by a day's distinct queries.
 */
const DEFAULT_TTL_SECONDS = 24 * 60 * 60;
/** The per-instance fallback's size, in characters of query text: what Apollo Server's own default cache holds. */
const LOCAL_MAX_CHARACTERS = 30 * 1024 * 1024;

export class RedisPersistedQueryCache {
  private readonly local = new LRUCache<string, string>({ maxSize: LOCAL_MAX_CHARACTERS, sizeCalculation: (query) => Math.max(1, query.length) });

  constructor(private readonly redis: SharedRedis) {}

  async get(hash: string): Promise<string | undefined> {
    return (await this.redis.attempt((redis) => redis.get(key(hash)))) ?? this.local.get(hash);
  }

  async set(hash: string, query: string, options?: { ttl?: number | null }): Promise<void> {
    this.local.set(hash, query);
    // Apollo Server's null ("keep it forever") still gets the default: Redis's memory stays bounded.
    const ttl = options?.ttl && options.ttl > 0 ? Math.ceil(options.ttl) : DEFAULT_TTL_SECONDS;
    await this.redis.attempt((redis) => redis.set(key(hash), query, "EX", ttl));
  }

  async delete(hash: string): Promise<boolean> {
    const local = this.local.delete(hash);
    const shared = await this.redis.attempt((redis) => redis.del(key(hash)));
    return local || (shared ?? 0) > 0;
  }
}

const key = (hash: string) => `apq:${hash}`;

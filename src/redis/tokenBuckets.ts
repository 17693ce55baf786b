/**
 * The rate limit's token buckets (src/http/rateLimit.ts) in Redis, so that every instance takes
 * from the same bucket. One Lua script does a bucket's whole arithmetic, so two instances taking
 * at once cannot both spend the last token; its clock is Redis's, so instances' clocks need not
 * agree. A bucket's key expires once it would be full again: an idle client costs nothing.
 */
import type { Redis } from "ioredis";
import type { SharedRedis } from "./sharedRedis.js";

/** The same arithmetic as TokenBuckets.take: refill by elapsed time up to the burst, take one, or say how long until one is there. */
const TAKE_TOKEN = `
local perMinute = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'updatedAt')
local tokens = tonumber(bucket[1]) or burst
local updatedAt = tonumber(bucket[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updatedAt) * perMinute / 60000)
local waitMs = 0
if tokens >= 1 then
  tokens = tokens - 1
else
  waitMs = math.ceil((1 - tokens) * 60000 / perMinute)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'updatedAt', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 60000 / perMinute) + 1000)
return waitMs
`;

type WithTakeToken = Redis & { takeToken(key: string, perMinute: number, burst: number): Promise<number> };

export class RedisTokenBuckets {
  constructor(
    private readonly redis: SharedRedis,
    private readonly perMinute: number,
    private readonly burst: number,
  ) {
    redis.client.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE_TOKEN });
  }

  /** As TokenBuckets.take (0 when granted, else milliseconds to wait); undefined when Redis cannot answer. */
  take(client: string): Promise<number | undefined> {
    return this.redis.attempt((redis) => (redis as WithTakeToken).takeToken(`ratelimit:${client}`, this.perMinute, this.burst));
  }
}

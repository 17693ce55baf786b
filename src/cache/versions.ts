/**
 * Version counters of cache tags: what makes a cached answer stale-proof (docs/decisions/0011-response-cache.md).
 *
 * One sequence counts writes; a write takes the next number and sets every tag it touched to it,
 * atomically. A read notes the sequence before it runs; its answer is stored only if none of its
 * tags is newer than that (otherwise a write may have committed while it ran), together with the
 * tags' numbers, and served only while every one of them is unchanged.
 */
import type { SharedRedis } from "../redis/sharedRedis.js";

export interface TagVersions {
  /** The sequence now, then each tag's number (0 if never touched); null when they cannot be known (Redis away): then nothing is served or stored. */
  read(tags: readonly string[]): Promise<{ sequence: number; versions: number[] } | null>;
  /** Gives every tag the next sequence number; resolves once that is visible to every later read. */
  touch(tags: readonly string[]): Promise<void>;
}

/** This instance's counters, in a Map that grows with the ids ever written (a write is rare and ids are few beside answers). */
export class LocalTagVersions implements TagVersions {
  private sequence = 0;
  private readonly versions = new Map<string, number>();

  async read(tags: readonly string[]) {
    return { sequence: this.sequence, versions: tags.map((tag) => this.versions.get(tag) ?? 0) };
  }

  async touch(tags: readonly string[]) {
    this.sequence++;
    for (const tag of tags) this.versions.set(tag, this.sequence);
  }
}

const SEQUENCE_KEY = "cache:sequence";
const tagKey = (tag: string) => `cache:tag:${tag}`;

/**
 * Takes the next number and gives it to every tag, in one step no read can see half of. An empty
 * Redis (new, restarted, flushed) starts counting from the time in milliseconds (13 digits, which
 * Lua still writes as an integer), so that no number
 * an instance stored before comes back.
 */
const TOUCH = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then
  local t = redis.call('TIME')
  n = t[1] * 1000 + math.floor(t[2] / 1000)
  redis.call('SET', KEYS[1], n)
end
for i = 2, #KEYS do redis.call('SET', KEYS[i], n) end
return n`;

/**
 * The counters in the Redis every instance shares, so that a write acknowledged by one instance
 * is seen by the next read on any other. Tag keys never expire: a counter that came back as 0
 * would make old answers current again.
 */
export class RedisTagVersions implements TagVersions {
  /** A write whose touch did not reach Redis: every answer must be treated as old once Redis is back. */
  private missedTouch = false;

  constructor(private readonly redis: SharedRedis) {}

  async read(tags: readonly string[]) {
    if (this.missedTouch && (await this.redis.attempt((client) => client.eval(TOUCH, 2, SEQUENCE_KEY, tagKey(EVERYTHING)))) !== undefined)
      this.missedTouch = false;
    if (this.missedTouch) return null;
    const values = await this.redis.attempt((client) => client.mget(SEQUENCE_KEY, ...tags.map(tagKey)));
    if (!values) return null;
    const [sequence, ...versions] = values.map((value) => Number(value ?? 0));
    return { sequence: sequence!, versions };
  }

  async touch(tags: readonly string[]) {
    const done = await this.redis.attempt((client) => client.eval(TOUCH, 1 + tags.length, SEQUENCE_KEY, ...tags.map(tagKey)));
    if (done === undefined) this.missedTouch = true;
  }
}

/** The tag every answer carries: touching it makes every stored answer old (start-up, a write whose own tags could not be worked out). */
export const EVERYTHING = "*";

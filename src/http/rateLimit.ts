/**
 * Per-client rate limiting: a token bucket per client, refilled at `perMinute / 60` requests a
 * second up to `burst`. A client is its credentials when it sends valid ones (every request
 * with the same API key or JWT subject shares a bucket), otherwise its IP address. Buckets live
 * in this process's memory, or with REDIS_URL in Redis (src/redis/tokenBuckets.ts), so that
 * several instances limit a client together; while Redis is away, each limits on its own.
 *
 * Not @fastify/rate-limit: its stores count requests in fixed windows (a client may spend two
 * windows' worth around a window's edge), and a token bucket fitted into its store interface
 * would still be this bucket, plus an adapter.
 */
import type { FastifyRequest, onRequestAsyncHookHandler } from "fastify";
import type { AuthState } from "../auth/credentials.js";
import { replyGraphQLError } from "./errorResponse.js";

export interface RateLimitSettings {
  /** Sustained requests per minute per client; 0 turns rate limiting off. */
  perMinute: number;
  /** Requests a client may make at once after being idle. */
  burst: number;
  /** The client a request comes from. */
  clientOf: (request: FastifyRequest) => string;
  now?: () => number;
  /** The buckets every instance shares; undefined from it (Redis away) falls back to this instance's. */
  shared?: SharedTokenBuckets;
  /** Called for each request refused (the metrics count them). */
  onRefused?: () => void;
}

export interface SharedTokenBuckets {
  take(client: string): Promise<number | undefined>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Past this many clients, idle ones (full buckets) are forgotten, so memory stays bounded. */
const MAX_TRACKED_CLIENTS = 50_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** Tokens earned in `ms` (multiplied before divided, so round figures stay exact). */
  private refill(ms: number): number {
    return (Math.max(0, ms) * this.perMinute) / 60_000;
  }

  /** Takes one token for `client`: 0 when granted, otherwise the milliseconds until one is available. */
  take(client: string, now: number): number {
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + this.refill(now - bucket.updatedAt));
    bucket.updatedAt = now;
    // Re-inserted so the Map's order is least recently seen first.
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_TRACKED_CLIENTS) this.forgetIdle(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 60_000) / this.perMinute);
  }

  private forgetIdle(now: number): void {
    const target = (MAX_TRACKED_CLIENTS * 3) / 4;
    for (const [client, bucket] of this.buckets) {
      if (this.buckets.size <= target) return;
      if (bucket.tokens + this.refill(now - bucket.updatedAt) >= this.burst) this.buckets.delete(client);
    }
    // Too few idle: the least recently seen go (they start over with a full bucket).
    for (const client of this.buckets.keys()) {
      if (this.buckets.size <= target) return;
      this.buckets.delete(client);
    }
  }
}

/** The rate-limit key: the caller's identity when its credentials are valid (invalid tokens must not buy fresh buckets), else its IP. */
export function clientKey(ip: string | undefined, auth: AuthState): string {
  return auth.principal ? `${auth.principal.via}:${auth.principal.actor}` : `ip:${ip ?? "unknown"}`;
}

export function rateLimit({ perMinute, burst, clientOf, now = Date.now, shared, onRefused }: RateLimitSettings): onRequestAsyncHookHandler {
  if (perMinute === 0) return async () => {};
  const buckets = new TokenBuckets(perMinute, burst);
  return async (request, reply) => {
    // CORS preflights are the browser's, not the client's, requests.
    if (request.method === "OPTIONS") return;
    const client = clientOf(request);
    const waitMs = (await shared?.take(client)) ?? buckets.take(client, now());
    if (waitMs === 0) return;
    onRefused?.();
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
    reply.header("Retry-After", String(retryAfter));
    return replyGraphQLError(
      request,
      reply,
      429,
      `Too many requests: this client may make ${perMinute} requests a minute (bursts of ${burst}). Try again in ${retryAfter} s.`,
      {
        code: "RATE_LIMITED",
        retryAfterSeconds: retryAfter,
      },
    );
  };
}

/**
 * The Redis that several instances share (REDIS_URL). Everything kept there has a per-instance
 * fallback, so Redis is never on a request's critical path: a command is sent only while the
 * connection is ready, fails fast otherwise, and the caller then does what a single instance
 * does. An outage is logged once when it begins and once when it ends, and reported to
 * /health/ready as a warning (the instance still serves).
 */
import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logger.js";

/** Every key and channel meetgraph uses starts with this, so the Redis may hold other things too. */
export const KEY_PREFIX = "meetgraph:";

/**
 * A command that has not answered by then counts as an outage: a request waits at most this long
 * for Redis before it goes on without it.
 */
const COMMAND_TIMEOUT_MS = 500;
/** How long the first connection may take at start-up before the instance starts without Redis. */
const FIRST_CONNECTION_WAIT_MS = 3_000;

export class SharedRedis {
  readonly client: Redis;
  private outageSince: Date | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.client = new Redis(url, SharedRedis.options());
    this.client.on("ready", () => this.restored());
    this.client.on("error", (error: Error) => this.lost(error));
    this.client.on("close", () => this.lost(new Error("the connection closed")));
  }

  /** Reconnection forever, backing off to one attempt every 2 s, and no queueing while disconnected (the caller falls back at once). */
  static options(): RedisOptions {
    return {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: FIRST_CONNECTION_WAIT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
      keyPrefix: KEY_PREFIX,
    };
  }

  /** Waits for the first connection (up to a few seconds); without it the instance starts per-instance, with the warning. */
  async connected(): Promise<void> {
    if (this.client.status === "ready") return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, FIRST_CONNECTION_WAIT_MS);
      this.client.once("ready", done);
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
    if (!this.available) this.lost(new Error(`no connection within ${FIRST_CONNECTION_WAIT_MS} ms`));
  }

  /** Whether commands can be sent now. */
  get available(): boolean {
    return this.client.status === "ready";
  }

  /** `command`'s answer, or undefined when Redis is not there or failed (then the caller uses its per-instance fallback). */
  async attempt<T>(command: (client: Redis) => Promise<T>): Promise<T | undefined> {
    if (!this.available) return undefined;
    try {
      return await command(this.client);
    } catch (error) {
      this.lost(error as Error);
      return undefined;
    }
  }

  /** What /health/ready reports while Redis is away; null while it is there. */
  problem(): string | null {
    if (!this.outageSince) return null;
    return `Redis is unreachable since ${this.outageSince.toISOString()}: rate limits, persisted queries and subscription events are per instance until it is back`;
  }

  async close(): Promise<void> {
    this.client.removeAllListeners("close");
    this.client.disconnect();
  }

  private lost(error: Error): void {
    if (this.outageSince) return;
    this.outageSince = new Date();
    this.logger.warn(
      { err: error, redis: redactedUrl(this.url) },
      "Redis is unreachable: rate limits, persisted queries and subscription events are per instance until it is back",
    );
  }

  private restored(): void {
    if (!this.outageSince) return;
    this.logger.info(
      { redis: redactedUrl(this.url), outageSeconds: Math.round((Date.now() - this.outageSince.getTime()) / 1000) },
      "Redis is back: state is shared again",
    );
    this.outageSince = null;
  }
}

/** The URL without its password, for logs. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

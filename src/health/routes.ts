/**
 * The probes a load balancer or orchestrator polls:
 * - GET /health/live: the process answers (never touches the database, so an outage does not get it restarted);
 *   also its memory, which `npm run loadtest` samples to show the heap stays flat. With
 *   `collectGarbageOnRequest`, `?gc=1` collects garbage first.
 * - GET /health/ready: the warm-up is done and the database answers; 503 otherwise, within `timeoutMs` even when the database
 *   host does not answer at all. Anyone may call it, as often as they like: the answer comes from
 *   the last probe of the database while it is fresh, and callers who come while a probe is out
 *   wait for that one, so the database sees one probe at a time at most, however many callers.
 *   (Once shutdown has begun, src/http/drain.ts answers 503 before any route.)
 */
import type { FastifyPluginAsync } from "fastify";
import type { Driver } from "neo4j-driver";

export interface HealthOptions {
  driver: Driver;
  database: string;
  /** How long the readiness check waits for the database. */
  timeoutMs: number;
  /**
   * `/health/live?gc=1` collects garbage first (DEBUG_EXTENSIONS), when node runs with --expose-gc: off in
   * production, where anyone could make every request pause the process.
   */
  collectGarbageOnRequest: boolean;
  /** Why the service is not ready yet although the database answers (the warm-up, src/health/warmup.ts); null once it is. */
  notReadyBecause: () => string | null;
  /** What is wrong without making the service unready (Redis away: src/redis/sharedRedis.ts), shown in the answer as `warnings`. */
  warnings?: () => (string | null)[];
}

/** How old a probe's answer may be and still be given: about as fresh as a load balancer's polling needs. */
const PROBE_MAX_AGE_MS = 1_000;

export function healthRoutes({
  driver,
  database,
  timeoutMs,
  collectGarbageOnRequest,
  notReadyBecause,
  warnings = () => [],
}: HealthOptions): FastifyPluginAsync {
  const probe = sharedProbe(() => databaseProblem(driver, database, timeoutMs), PROBE_MAX_AGE_MS);
  return async (app) => {
    app.get<{ Querystring: { gc?: string } }>("/health/live", async (request) => {
      // For a heap figure without garbage in it: `npm run loadtest -- --start` runs node with --expose-gc.
      if (collectGarbageOnRequest && request.query.gc === "1" && typeof globalThis.gc === "function") globalThis.gc();
      const { heapUsed, heapTotal, rss } = process.memoryUsage();
      return { status: "ok", uptimeSeconds: Math.round(process.uptime()), memory: { heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, rssBytes: rss } };
    });
    app.get("/health/ready", async (_request, reply) => {
      const reason = notReadyBecause() ?? (await probe());
      const current = warnings().filter((warning) => warning !== null);
      const warned = current.length > 0 ? { warnings: current } : {};
      if (reason) return reply.code(503).send({ status: "unavailable", reason, ...warned });
      return { status: "ok", ...warned };
    });
  };
}

/** Null when the database answers; otherwise why not. */
async function databaseProblem(driver: Driver, database: string, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`Neo4j did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  // A statement, not driver.verifyConnectivity: that hands out a pooled connection whose last message was
  // its log-on without any round trip, so a frozen Neo4j (connections open, nothing answering) looked ready.
  const session = driver.session({ database, defaultAccessMode: "READ" });
  const check = session.run("RETURN 1").then(
    () => null,
    () => "Neo4j is not reachable",
  );
  void check.finally(() => session.close().catch(() => undefined));
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `probe`, run at most once at a time: its answer is given again until it is `maxAgeMs` old
 * (counted from when it came), and callers who come while it runs share it.
 */
export function sharedProbe<T>(probe: () => Promise<T>, maxAgeMs: number): () => Promise<T> {
  let latest: { answer: Promise<T>; settledAt: number | null } | null = null;
  return () => {
    const fresh = latest && (latest.settledAt === null || Date.now() - latest.settledAt < maxAgeMs);
    if (!fresh) {
      const run: { answer: Promise<T>; settledAt: number | null } = { answer: probe(), settledAt: null };
      const settled = () => (run.settledAt = Date.now());
      run.answer.then(settled, settled);
      latest = run;
    }
    return latest!.answer;
  };
}

/**
 * The probes a load balancer or orchestrator polls:
 * - GET /health/live: the process answers (never touches the database, so an outage does not get it restarted);
 *   also its memory, which `npm run loadtest` samples to show the heap stays flat.
 * - GET /health/ready: the database answers and the service is not shutting down; 503 otherwise,
 *   within `timeoutMs` even when the database host does not answer at all.
 */
import { Router } from "express";
import type { Driver } from "neo4j-driver";

export interface HealthOptions {
  driver: Driver;
  database: string;
  /** How long the readiness check waits for the database. */
  timeoutMs: number;
  /** True once shutdown has begun: a load balancer should stop sending requests here. */
  isStopping: () => boolean;
}

export function healthRoutes({ driver, database, timeoutMs, isStopping }: HealthOptions): Router {
  const router = Router();
  router.get("/health/live", (req, res) => {
    // `?gc=1` collects garbage first, for a heap figure without garbage in it; only when node runs with
    // --expose-gc, as `npm run loadtest -- --start` runs it, never in a normal start.
    if (req.query.gc === "1" && typeof globalThis.gc === "function") globalThis.gc();
    const { heapUsed, heapTotal, rss } = process.memoryUsage();
    res.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()), memory: { heapUsedBytes: heapUsed, heapTotalBytes: heapTotal, rssBytes: rss } });
  });
  router.get("/health/ready", async (_req, res) => {
    if (isStopping()) {
      res.status(503).json({ status: "stopping", reason: "The service is shutting down" });
      return;
    }
    const reason = await databaseProblem(driver, database, timeoutMs);
    if (reason) res.status(503).json({ status: "unavailable", reason });
    else res.json({ status: "ok" });
  });
  return router;
}

/** Null when the database answers; otherwise why not. */
async function databaseProblem(driver: Driver, database: string, timeoutMs: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`Neo4j did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const check = driver.verifyConnectivity({ database }).then(
    () => null,
    () => "Neo4j is not reachable",
  );
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Contender (a): this service, exactly as `npm start` wires it (createServer), in production mode. */
import { loadConfig } from "../../src/config.js";
import { Neo4jExecutor } from "../../src/db/executor.js";
import type { KnownDocument } from "../../src/health/warmup.js";
import { createLogger } from "../../src/logger.js";
import { createServer } from "../../src/server.js";
import { runServerProcess } from "./child.js";

runServerProcess(async (driver, target) => {
  const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 60_000 });
  // Production: no stack traces, no Playground; errors still reach stderr, which the orchestrator keeps in a log.
  // No rate limit: all the load comes from one client (the benchmark), which the per-client limit would throttle.
  // DEBUG_EXTENSIONS: the benchmark reports each scenario's `extensions.cypherRoundTrips`.
  // The load runs warm every contender alike, so the service warms up (with the scenarios as its known
  // documents) only when the cold-start measurement asks, through BENCH_WARMUP_DOCUMENTS.
  // The write scenarios (bench/writes.ts) send the key whose SHA-256 this is, as a curator named "bench".
  // The cache mix (bench/cacheMix.ts) runs a second instance with the response cache on (BENCH_RESPONSE_CACHE=on).
  const curatorKey = process.env.BENCH_CURATOR_KEY_SHA256;
  const { API_KEYS } = loadConfig({ API_KEYS: curatorKey ? `bench:write:${curatorKey}` : "" });
  const warmupDocuments = JSON.parse(process.env.BENCH_WARMUP_DOCUMENTS ?? "null") as KnownDocument[] | null;
  const server = await createServer({
    config: {
      NODE_ENV: "production",
      API_KEYS,
      PLAYGROUND: false,
      RATE_LIMIT_PER_MINUTE: 0,
      DEBUG_EXTENSIONS: true,
      WARMUP_ON_START: warmupDocuments !== null,
      RESPONSE_CACHE: process.env.BENCH_RESPONSE_CACHE === "on" ? "on" : "off",
      // The cache mix reads the cache's counters from /metrics.
      METRICS_ENABLED: true,
    },
    db,
    logger: createLogger("error"),
  });
  if (warmupDocuments) void server.warmUp(warmupDocuments);
  return { httpServer: server.httpServer, stop: server.stop };
});

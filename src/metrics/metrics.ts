/**
 * What /metrics reports, in one prom-client registry per service instance (so two instances in
 * one process, as in the tests, do not count into each other), plus Node's own process metrics.
 */
import type { Driver } from "neo4j-driver";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { SharedRedis } from "../redis/sharedRedis.js";
import { driverPoolSize, driverPoolUse } from "./driverPool.js";

export interface MetricsSources {
  driver: Driver;
  redis?: SharedRedis;
  /** Subscriptions listening on this instance's WebSockets. */
  openSubscriptions: () => number;
}

export function createMetrics({ driver, redis, openSubscriptions }: MetricsSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const metrics = {
    registry,
    operations: new Histogram({
      name: "meetgraph_graphql_operation_duration_seconds",
      help: "GraphQL requests by operation name, from the request's start to its answer",
      labelNames: ["operation"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    errors: new Counter({
      name: "meetgraph_graphql_errors_total",
      help: "Errors in GraphQL answers, by extensions.code",
      labelNames: ["code"] as const,
      registers,
    }),
    cypherRoundTrips: new Counter({
      name: "meetgraph_cypher_round_trips_total",
      help: "Cypher statements sent to Neo4j by GraphQL requests, by operation name",
      labelNames: ["operation"] as const,
      registers,
    }),
    rateLimitRefusals: new Counter({ name: "meetgraph_rate_limit_refusals_total", help: "Requests refused with 429 RATE_LIMITED", registers }),
    httpResponses: new Counter({ name: "meetgraph_http_responses_total", help: "HTTP responses, by status code", labelNames: ["status"] as const, registers }),
    responseCache: responseCacheMetrics(registers),
  };
  new Gauge({
    name: "meetgraph_graphql_subscriptions_open",
    help: "GraphQL subscriptions listening on this instance's WebSocket connections",
    registers,
    collect() {
      this.set(openSubscriptions());
    },
  });
  new Gauge({
    name: "meetgraph_neo4j_pool_connections",
    help: "Connections in the Neo4j driver's pool, by server address and state (in_use: lent out or being opened; idle)",
    labelNames: ["address", "state"] as const,
    registers,
    collect() {
      this.reset();
      for (const { address, inUse, idle } of driverPoolUse(driver)) {
        this.set({ address, state: "in_use" }, inUse);
        this.set({ address, state: "idle" }, idle);
      }
    },
  });
  const maxPoolSize = driverPoolSize(driver);
  if (maxPoolSize !== undefined)
    new Gauge({ name: "meetgraph_neo4j_pool_max_connections", help: "The most connections the driver opens to one server", registers }).set(maxPoolSize);
  if (redis) {
    new Gauge({
      name: "meetgraph_redis_shared",
      help: "1 while the shared Redis (REDIS_URL) answers, 0 while this instance runs on its own",
      registers,
      collect() {
        this.set(redis.available ? 1 : 0);
      },
    });
  }
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** The response cache's counters (src/cache/), and its hit rate since start-up, which a dashboard would otherwise divide itself. */
function responseCacheMetrics(registers: Registry[]) {
  const lookups = new Counter({
    name: "meetgraph_response_cache_lookups_total",
    help: "Cacheable queries by what the response cache did: hit (served), miss (nothing stored), outdated (stored but a write touched it since), unavailable (Redis away)",
    labelNames: ["result"] as const,
    registers,
  });
  let hits = 0;
  let all = 0;
  new Gauge({
    name: "meetgraph_response_cache_hit_ratio",
    help: "Share of cacheable queries the response cache answered, since start-up",
    registers,
    collect() {
      this.set(all === 0 ? 0 : hits / all);
    },
  });
  return {
    lookup(result: "hit" | "miss" | "outdated" | "unavailable") {
      lookups.inc({ result });
      all++;
      if (result === "hit") hits++;
    },
    stores: new Counter({
      name: "meetgraph_response_cache_stores_total",
      help: "Answers the response cache ran, by outcome: stored, or raced (a write committed while it ran, so it was not stored)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    invalidations: new Counter({
      name: "meetgraph_response_cache_invalidations_total",
      help: "Committed writes whose tags the response cache touched",
      registers,
    }),
    touchedTags: new Counter({ name: "meetgraph_response_cache_touched_tags_total", help: "Tags (ids and lists) those writes touched", registers }),
  };
}

/**
 * GET /metrics (issue 23): Prometheus's text format, behind METRICS_TOKEN when it is set, off by
 * default in production; what it counts: GraphQL requests and their latency by operation name,
 * errors by code, Cypher round trips, rate-limit refusals, and the driver's connection pool.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { useApi } from "./support/api.js";
import { connect, subscribe, untilListening } from "./support/subscriptions.js";

const METRICS_TOKEN = "metrics-test-token-0123456789";

/** `token` null: no Authorization header. */
async function scrape(url: string, token: string | null = METRICS_TOKEN) {
  const response = await fetch(new URL("/metrics", url), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
}

/** The value of one sample, e.g. sample(text, 'meetgraph_graphql_errors_total{code="BAD_USER_INPUT"}'); undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("with METRICS_TOKEN", () => {
  const api = useApi({ METRICS_TOKEN });

  it("refuses a scrape without the token, or with another", async () => {
    expect((await scrape(api.url, null)).status).toBe(401);
    expect((await scrape(api.url, "not-the-metrics-token-at-all")).status).toBe(401);
  });

  it("answers Prometheus's text format to a scrape with it", async () => {
    const answer = await scrape(api.url);
    expect(answer.status).toBe(200);
    expect(answer.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(answer.text).toContain("# TYPE meetgraph_graphql_operation_duration_seconds histogram");
    expect(answer.text).toContain("# TYPE process_resident_memory_bytes gauge");
  });

  it("counts each request and its Cypher round trips by operation name, with the latency histogram", async () => {
    for (let i = 0; i < 3; i++) expect((await api.query(`query MetricsProbe { person(id: "steve-witkoff") { name } }`)).errors).toBeUndefined();
    const { text } = await scrape(api.url);
    expect(sample(text, 'meetgraph_graphql_operation_duration_seconds_count{operation="MetricsProbe"}')).toBe(3);
    expect(sample(text, 'meetgraph_graphql_operation_duration_seconds_bucket{le="+Inf",operation="MetricsProbe"}')).toBe(3);
    expect(sample(text, 'meetgraph_cypher_round_trips_total{operation="MetricsProbe"}')).toBeGreaterThanOrEqual(3);
  });

  it("counts errors by the code the client saw", async () => {
    const before = sample((await scrape(api.url)).text, 'meetgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}') ?? 0;
    expect((await api.query("{ noSuchField }")).errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(sample((await scrape(api.url)).text, 'meetgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(before + 1);
  });

  it("shows the driver's pool: connections in use and idle per Neo4j address, and its size", async () => {
    await api.query(`{ person(id: "steve-witkoff") { name } }`);
    const { text } = await scrape(api.url);
    expect(text).toMatch(/^meetgraph_neo4j_pool_connections\{address="[^"]+",state="idle"\} [1-9]\d*$/m);
    expect(text).toMatch(/^meetgraph_neo4j_pool_connections\{address="[^"]+",state="in_use"\} \d+$/m);
    expect(sample(text, "meetgraph_neo4j_pool_max_connections")).toBe(100);
  });

  it("shows the subscriptions open on the instance", async () => {
    const subscriber = connect(api);
    try {
      await subscriber.connected;
      const changes = subscribe(subscriber.client, `subscription { meetingChanged(id: "2025-04-11-putin-witkoff-st-petersburg") { meetingId } }`);
      await untilListening(api, 1);
      expect(sample((await scrape(api.url)).text, "meetgraph_graphql_subscriptions_open")).toBe(1);
      changes.dispose();
      await untilListening(api, 0);
      expect(sample((await scrape(api.url)).text, "meetgraph_graphql_subscriptions_open")).toBe(0);
    } finally {
      subscriber.client.dispose();
    }
  });

  it("labels at most 200 distinct operation names; past them, further names count as (other)", async () => {
    for (let i = 0; i < 205; i++) await api.query(`query Named${i} { __typename }`);
    const { text } = await scrape(api.url);
    const labelled = new Set([...text.matchAll(/meetgraph_graphql_operation_duration_seconds_count\{operation="([^"]+)"\}/g)].map((match) => match[1]));
    expect(labelled.size).toBeLessThanOrEqual(200 + 3);
    expect(sample(text, 'meetgraph_graphql_operation_duration_seconds_count{operation="(other)"}')).toBeGreaterThanOrEqual(5);
  });
});

describe("rate-limit refusals", () => {
  const api = useApi({ RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 2 });

  it("are counted", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.query("{ __typename }")).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(sample((await scrape(api.url, null)).text, "meetgraph_rate_limit_refusals_total")).toBe(2);
  });
});

describe("METRICS_ENABLED", () => {
  it("is on by default, except in production", () => {
    expect(loadConfig({}).METRICS_ENABLED).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).METRICS_ENABLED).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", METRICS_ENABLED: "true" }).METRICS_ENABLED).toBe(true);
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: must be at least 16 characters \(got a value, not shown\)/);
  });

  describe("false", () => {
    const api = useApi({ METRICS_ENABLED: false });

    it("serves no metrics", async () => {
      const answer = await scrape(api.url, null);
      expect(answer.text).not.toContain("meetgraph_");
    });
  });
});

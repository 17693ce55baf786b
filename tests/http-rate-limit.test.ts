/**
 * Per-client rate limiting (issue 8): a token bucket per client (its API key or JWT subject
 * when its credentials are valid, else its IP), answered with HTTP 429, Retry-After and the
 * code RATE_LIMITED; configurable, and off with RATE_LIMIT_PER_MINUTE=0.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { TokenBuckets } from "../src/http/rateLimit.js";
import { useApi } from "./support/api.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const aliceKey = "alice-rate-limit-test-key";
const bobKey = "bob-rate-limit-test-key";
const API_KEYS = loadConfig({ API_KEYS: `alice:read:${sha256(aliceKey)},bob:read:${sha256(bobKey)}` }).API_KEYS;

async function ask(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", ...headers },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] };
  return { status: response.status, retryAfter: response.headers.get("retry-after"), type: response.headers.get("content-type"), body };
}

describe("defaults", () => {
  it("limit every client to 600 requests a minute with bursts of 60", () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_PER_MINUTE: 600, RATE_LIMIT_BURST: 60, TRUST_PROXY: false });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: "0" }).RATE_LIMIT_PER_MINUTE).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_BURST: "0" })).toThrow(/RATE_LIMIT_BURST/);
  });
});

describe("a bucket", () => {
  it("grants the burst at once, then one request per 60/perMinute seconds, and says how long to wait", () => {
    const buckets = new TokenBuckets(60, 3); // one a second
    expect([0, 0, 0].map(() => buckets.take("a", 1_000))).toEqual([0, 0, 0]);
    expect(buckets.take("a", 1_000)).toBe(1_000);
    expect(buckets.take("a", 1_500)).toBe(500);
    expect(buckets.take("a", 2_000)).toBe(0);
    expect(buckets.take("b", 2_000)).toBe(0);
    // Idle long enough, a client is back to a full burst, never more.
    expect([0, 0, 0, 0].map(() => buckets.take("a", 60_000))).toEqual([0, 0, 0, 1_000]);
  });
});

describe("over HTTP, with a burst of 3 and a very slow refill", () => {
  const api = useApi({ RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 3, API_KEYS });

  it("answers 429 with Retry-After and RATE_LIMITED once a client's burst is spent; other clients go on", async () => {
    for (let i = 0; i < 3; i++) expect((await ask(api.url)).status).toBe(200);
    const limited = await ask(api.url);
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(limited.type).toContain("application/graphql-response+json");
    expect(limited.body.data).toBeUndefined();
    expect(limited.body.errors).toEqual([
      {
        message: expect.stringMatching(/^Too many requests: .*Try again in \d+ s\.$/),
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: Number(limited.retryAfter) },
      },
    ]);

    // From the same IP, alice's and bob's keys are clients of their own.
    for (let i = 0; i < 3; i++) expect((await ask(api.url, { authorization: `Bearer ${aliceKey}` })).status).toBe(200);
    expect((await ask(api.url, { authorization: `Bearer ${aliceKey}` })).status).toBe(429);
    expect((await ask(api.url, { authorization: `Bearer ${bobKey}` })).status).toBe(200);
  });

  it("counts an invalid token as its IP: made-up tokens buy no fresh buckets", async () => {
    const made_up = await ask(api.url, { authorization: "Bearer not-a-key-at-all" });
    expect(made_up.status).toBe(429);
  });

  it("does not count CORS preflights", async () => {
    const preflight = await fetch(api.url, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
  });
});

describe("behind a proxy", () => {
  const direct = useApi({ RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 1 });
  const proxied = useApi({ RATE_LIMIT_PER_MINUTE: 1, RATE_LIMIT_BURST: 1, TRUST_PROXY: "loopback" });

  it("uses X-Forwarded-For only with TRUST_PROXY", async () => {
    expect((await ask(direct.url, { "x-forwarded-for": "203.0.113.1" })).status).toBe(200);
    expect((await ask(direct.url, { "x-forwarded-for": "203.0.113.2" })).status).toBe(429);

    expect((await ask(proxied.url, { "x-forwarded-for": "203.0.113.1" })).status).toBe(200);
    expect((await ask(proxied.url, { "x-forwarded-for": "203.0.113.2" })).status).toBe(200);
    expect((await ask(proxied.url, { "x-forwarded-for": "203.0.113.1" })).status).toBe(429);
  });
});

describe("with RATE_LIMIT_PER_MINUTE=0", () => {
  const api = useApi({ RATE_LIMIT_PER_MINUTE: 0, RATE_LIMIT_BURST: 1 });

  it("never limits", async () => {
    const statuses = await Promise.all(Array.from({ length: 20 }, () => ask(api.url).then((answer) => answer.status)));
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

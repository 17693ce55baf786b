/**
 * Measuring aids stay out of production (DEBUG_EXTENSIONS): `extensions.cypherRoundTrips`, which
 * the no-N+1 tests and the benchmark read, and `/health/live?gc=1`, which `npm run loadtest` uses.
 * On by default in development and test; in production only when the setting turns them on.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../src/config.js";
import { useApi, type TestApi } from "./support/api.js";

const QUERY = `{ person(id: "steve-witkoff") { name } }`;

const originalGc = globalThis.gc;
afterEach(() => {
  globalThis.gc = originalGc;
});

/** Calls /health/live?gc=1 of the service in this process and tells whether it collected garbage. */
async function collectsGarbage(api: TestApi): Promise<boolean> {
  const gc = vi.fn();
  globalThis.gc = gc;
  const response = await fetch(api.url.replace(/\/graphql$/, "/health/live?gc=1"));
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", memory: { heapUsedBytes: expect.any(Number) } });
  return gc.mock.calls.length > 0;
}

describe("DEBUG_EXTENSIONS", () => {
  it("is on by default in development and test, off in production", () => {
    expect(loadConfig({ NODE_ENV: "development" }).DEBUG_EXTENSIONS).toBe(true);
    expect(loadConfig({ NODE_ENV: "test" }).DEBUG_EXTENSIONS).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).DEBUG_EXTENSIONS).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", DEBUG_EXTENSIONS: "true" }).DEBUG_EXTENSIONS).toBe(true);
  });

  describe("in production", () => {
    const api = useApi({ NODE_ENV: "production" });

    it("answers carry no cypherRoundTrips", async () => {
      const res = await api.query(QUERY);
      expect(res.data).toEqual({ person: { name: "Steve Witkoff" } });
      expect(res.extensions?.cypherRoundTrips).toBeUndefined();
    });

    it("/health/live?gc=1 answers without collecting garbage", async () => {
      expect(await collectsGarbage(api)).toBe(false);
    });
  });

  describe("in production with DEBUG_EXTENSIONS=true", () => {
    const api = useApi({ NODE_ENV: "production", DEBUG_EXTENSIONS: true });

    it("answers carry cypherRoundTrips", async () => {
      expect((await api.query(QUERY)).extensions?.cypherRoundTrips).toBe(1);
    });

    it("/health/live?gc=1 collects garbage first", async () => {
      expect(await collectsGarbage(api)).toBe(true);
    });
  });

  describe("in test", () => {
    const api = useApi();

    it("answers carry cypherRoundTrips, and /health/live?gc=1 collects garbage", async () => {
      expect((await api.query(QUERY)).extensions?.cypherRoundTrips).toBe(1);
      expect(await collectsGarbage(api)).toBe(true);
    });
  });
});

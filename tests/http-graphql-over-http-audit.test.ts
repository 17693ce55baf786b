/**
 * The GraphQL over HTTP specification's own audit (graphql-http's `serverAudits`): every MUST and
 * every SHOULD holds. Of its MAYs, the GETs it sends without a preflight-forcing header are
 * refused by CSRF prevention, on purpose.
 */
import { serverAudits } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";

describe("the GraphQL over HTTP audit", () => {
  const api = useApi();

  it("passes every MUST and SHOULD", async () => {
    const results = [];
    for (const audit of serverAudits({ url: () => api.url, fetchFn: fetch })) results.push(await audit.fn());
    // "error" is a MUST not met, "warn" a SHOULD, "notice" a MAY.
    const unmet = results.filter((result) => result.status === "error" || result.status === "warn").map((result) => `${result.id} ${result.name}`);
    expect(unmet).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });
});

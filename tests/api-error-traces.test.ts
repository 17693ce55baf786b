/** Error results in development (issue 22): the trace stays in the log unless asked for. */
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";

const TYPO = `{ persn(id: "steve-witkoff") { name } }`;

describe("in development", () => {
  const api = useApi({ NODE_ENV: "development" });

  it("answers a typo without a stack trace", async () => {
    const res = await api.query(TYPO);
    expect(res.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.errors?.[0]?.extensions).not.toHaveProperty("stacktrace");
  });
});

describe("in development with STACK_TRACES_IN_RESPONSES", () => {
  const api = useApi({ NODE_ENV: "development", STACK_TRACES_IN_RESPONSES: true });

  it("answers with the stack trace", async () => {
    const res = await api.query(TYPO);
    expect(res.errors?.[0]?.extensions?.stacktrace).toEqual(expect.arrayContaining([expect.stringContaining("GraphQLError")]));
  });
});

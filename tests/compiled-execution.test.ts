/**
 * Compiled execution (src/graphql/compiledExecution.ts): a document runs interpreted the first
 * time it comes and compiled from the second time on, with the same answers either way; what
 * is kept stays within COMPILED_DOCUMENTS_MAX, however many documents are sent;
 * COMPILED_EXECUTION=false runs everything interpreted. Which way an operation ran is not in
 * the answer: the module's counts tell the tests.
 */
import { describe, expect, it } from "vitest";
import { executionCounts } from "../src/graphql/compiledExecution.js";
import { useApi, type TestApi } from "./support/api.js";

interface Request {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/**
 * What a client gets: status, data and errors. Not `extensions.cypherRoundTrips`: when an error
 * nulls the whole answer, graphql-js answers without waiting for the other fields' statements,
 * which may not have been sent yet, and graphql-jit waits for them.
 */
async function answer(api: TestApi, request: Request): Promise<{ status: number; data: unknown; errors: unknown }> {
  const response = await fetch(api.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
  const { data, errors } = (await response.json()) as { data?: unknown; errors?: unknown };
  return { status: response.status, data, errors };
}

/** Sends `request` and tells which way it ran. */
async function ranAs(api: TestApi, request: Request): Promise<"compiled" | "interpreted"> {
  const before = { ...executionCounts };
  const { status } = await answer(api, request);
  expect(status).toBe(200);
  const compiled = executionCounts.compiled - before.compiled;
  const interpreted = executionCounts.interpreted - before.interpreted;
  expect(compiled + interpreted).toBe(1);
  return compiled === 1 ? "compiled" : "interpreted";
}

let documents = 0;
/** A document no test has sent yet: the same operation, told apart by a comment. */
const fresh = (query: string): string => `${query}\n# document ${++documents}`;

const PERSON = `query ($id: ID!) { person(id: $id) { id name } }`;

describe("with compiled execution (the default)", () => {
  const api = useApi({ COMPILED_DOCUMENTS_MAX: 3 });

  it("runs a document interpreted the first time, and compiled from the second time on", async () => {
    const request = { query: fresh(PERSON), variables: { id: "steve-witkoff" } };
    expect(await ranAs(api, request)).toBe("interpreted");
    expect(await ranAs(api, request)).toBe("compiled");
    expect(await ranAs(api, { ...request, variables: { id: "vladimir-putin" } })).toBe("compiled");
  });

  it.each<[string, Request]>([
    ["data with variables", { query: PERSON, variables: { id: "steve-witkoff" } }],
    ["nested lists", { query: `{ meetings(filter: {countryId: "RU"}, first: 3) { totalCount edges { node { id participants { person { id name } } } } } }` }],
    ["a resolver's BAD_USER_INPUT error", { query: `query ($first: Int) { meetings(first: $first) { totalCount } }`, variables: { first: -1 } }],
    [
      "data beside an error",
      {
        query: `{ ok: person(id: "steve-witkoff") { name } bad: connectionPath(fromId: "jared-kushner", toId: "kirill-dmitriev", maxHops: 0) { from { id } } }`,
      },
    ],
    ["an error that nulls the whole answer", { query: `{ ok: person(id: "steve-witkoff") { name } bad: search(query: "   ") { __typename } }` }],
    ["nothing found", { query: PERSON, variables: { id: "nobody-at-all" } }],
    ["a required variable left to its default", { query: `query ($id: ID! = "steve-witkoff") { person(id: $id) { id name } }` }],
    [
      "one named operation of two",
      { query: `query A { person(id: "steve-witkoff") { name } } query B { person(id: "vladimir-putin") { id } }`, operationName: "B" },
    ],
  ])("answers the same interpreted and compiled: %s", async (_case, request) => {
    const unique = { ...request, query: fresh(request.query) };
    const before = { ...executionCounts };
    const interpreted = await answer(api, unique);
    const compiled = await answer(api, unique);
    expect({ compiled: executionCounts.compiled - before.compiled, interpreted: executionCounts.interpreted - before.interpreted }).toEqual({
      compiled: 1,
      interpreted: 1,
    });
    expect(compiled).toEqual(interpreted);
  });

  it("keeps at most COMPILED_DOCUMENTS_MAX compiled documents, the least recently used going first", async () => {
    const queries = [1, 2, 3, 4].map(() => ({ query: fresh(PERSON), variables: { id: "steve-witkoff" } }));
    for (const request of queries) {
      await ranAs(api, request);
      expect(await ranAs(api, request)).toBe("compiled");
    }
    // The first one was dropped for the fourth: it comes as if for the first time.
    expect(await ranAs(api, queries[0]!)).toBe("interpreted");
    expect(await ranAs(api, queries[3]!)).toBe("compiled");
  });

  it("remembers at most COMPILED_DOCUMENTS_MAX documents seen once, so a stream of new ones costs no memory", async () => {
    const first = { query: fresh(PERSON), variables: { id: "steve-witkoff" } };
    expect(await ranAs(api, first)).toBe("interpreted");
    for (let i = 0; i < 3; i++) expect(await ranAs(api, { query: fresh(PERSON), variables: { id: "steve-witkoff" } })).toBe("interpreted");
    // Forgotten: its second coming counts as a first.
    expect(await ranAs(api, first)).toBe("interpreted");
    expect(await ranAs(api, first)).toBe("compiled");
  });

  it("keeps compiled documents while a stream of one-off documents passes", async () => {
    const repeated = { query: fresh(PERSON), variables: { id: "steve-witkoff" } };
    await ranAs(api, repeated);
    expect(await ranAs(api, repeated)).toBe("compiled");
    for (let i = 0; i < 10; i++) await ranAs(api, { query: fresh(PERSON), variables: { id: "steve-witkoff" } });
    expect(await ranAs(api, repeated)).toBe("compiled");
  });
});

describe("with COMPILED_EXECUTION=false", () => {
  const api = useApi({ COMPILED_EXECUTION: false });

  it("runs every document interpreted, however often it comes", async () => {
    const request = { query: fresh(PERSON), variables: { id: "steve-witkoff" } };
    for (let i = 0; i < 3; i++) expect(await ranAs(api, request)).toBe("interpreted");
  });
});

/**
 * Limits on each operation (issue 8): depth, aliases, selections, a cost estimate in which page
 * sizes multiply, list arguments and document size, all refused before execution (no Cypher
 * runs) with a stable code, HTTP 400 and the figures that caused the refusal.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { useApi, type GraphQLResponse } from "./support/api.js";
import { dataOf } from "./support/graphql.js";

/** A refusal: one error with `code`, status 400, and not one Cypher statement run. */
function expectRefused(res: GraphQLResponse, code: string): Record<string, any> {
  expect(res.status, JSON.stringify(res)).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions?.code).toBe(code);
  expect(res.extensions?.cypherRoundTrips).toBe(0);
  return res.errors![0]!.extensions!;
}

/** `person { meetings { edges { node { participants { person { …n levels… name } } } } } }`. */
function nested(levels: number): string {
  let inner = "name";
  for (let i = 0; i < levels; i++) inner = `meetings(first: 1) { edges { node { participants { person { ${inner} } } } } }`;
  return `{ person(id: "steve-witkoff") { ${inner} } }`;
}

describe("defaults", () => {
  it("are safe and documented: every limit on, none of them zero", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      MAX_QUERY_DEPTH: 10,
      MAX_QUERY_ALIASES: 30,
      MAX_QUERY_SELECTIONS: 1000,
      MAX_QUERY_COST: 25_000,
      MAX_QUERY_TOKENS: 2000,
      MAX_LIST_ARGUMENT_LENGTH: 100,
    });
    expect(() => loadConfig({ MAX_QUERY_DEPTH: "0" })).toThrow(/MAX_QUERY_DEPTH/);
    expect(() => loadConfig({ MAX_QUERY_COST: "lots" })).toThrow(/MAX_QUERY_COST/);
  });
});

describe("with the default limits", () => {
  const api = useApi();

  it("answers nested queries up to the depth limit", async () => {
    // nested(1) is 7 levels deep (person, meetings, edges, node, participants, person, name).
    const data = await dataOf(api, nested(1));
    expect(data.person.meetings.edges[0].node.participants.length).toBeGreaterThan(1);
  });

  it("refuses a query nested deeper than MAX_QUERY_DEPTH (10)", async () => {
    const extensions = expectRefused(await api.query(nested(2)), "QUERY_TOO_DEEP");
    expect(extensions).toMatchObject({ depth: 12, maxDepth: 10 });
  });

  it("refuses more than MAX_QUERY_ALIASES (30) aliases", async () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: health { database }`).join(" ");
    expect((await api.query(`{ ${fields(30)} }`)).status).toBe(200);
    const extensions = expectRefused(await api.query(`{ ${fields(31)} }`), "TOO_MANY_ALIASES");
    expect(extensions).toMatchObject({ aliases: 31, maxAliases: 30 });
  });

  it("counts every use of a fragment: a document that doubles at each level is refused as too many selections", async () => {
    // 12 tokens a level; 2^20 selections once expanded.
    const levels = 20;
    const fragments = Array.from({ length: levels }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(" ");
    const res = await api.query(`query { ...F0 } ${fragments} fragment F${levels} on Query { __typename }`);
    expect(expectRefused(res, "TOO_MANY_SELECTIONS")).toMatchObject({ maxSelections: 1000 });
  });

  it("estimates cost with page sizes multiplying, and refuses above MAX_QUERY_COST (25000) with the cost in the error", async () => {
    // people 1 + edges 1 + 100 × (node 1 + meetings 1 + edges 1 + 100 × (node 1 + id 1 + title 1)) = 30,302
    const query = `{ people(first: 100) { edges { node { meetings(first: 100) { edges { node { id title } } } } } } }`;
    const extensions = expectRefused(await api.query(query), "QUERY_TOO_COMPLEX");
    expect(extensions).toEqual(expect.objectContaining({ cost: 30_302, maxCost: 25_000 }));
    // The same shape with the inner page at its default of 20 fits: 2 + 100 × (3 + 20 × 3) = 6,302.
    const smaller = await api.query(`query ($n: Int) { people(first: $n) { edges { node { meetings { edges { node { id title } } } } } } }`, { n: 100 });
    expect(smaller.status).toBe(200);
    expect(smaller.errors).toBeUndefined();
  });

  it("takes page sizes from variables when it estimates", async () => {
    const query = `query ($a: Int, $b: Int) { people(first: $a) { edges { node { meetings(first: $b) { edges { node { id title } } } } } } }`;
    expect(expectRefused(await api.query(query, { a: 100, b: 100 }), "QUERY_TOO_COMPLEX").cost).toBe(30_302);
    expect((await api.query(query, { a: 10, b: 10 })).errors).toBeUndefined();
  });

  it("refuses a list argument longer than MAX_LIST_ARGUMENT_LENGTH (100), in a variable or in the document", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `person-${i}`);
    const query = `query ($ids: [ID!]!) { timeTogether(personIds: $ids) { meetingCount } }`;
    expect(expectRefused(await api.query(query, { ids }), "LIST_TOO_LONG")).toMatchObject({ path: "$ids", length: 101, maxLength: 100 });
    const literal = `{ meetings(filter: {participantIds: ${JSON.stringify(ids)}}) { totalCount } }`;
    expect(expectRefused(await api.query(literal), "LIST_TOO_LONG")).toMatchObject({ path: "filter.participantIds", length: 101 });
    expect((await api.query(query, { ids: ids.slice(0, 100) })).errors).toBeUndefined();
  });

  it("stops parsing a document of more than MAX_QUERY_TOKENS (2000) tokens", async () => {
    expect(expectRefused(await api.query(`{ ${"__typename ".repeat(2001)} }`), "QUERY_TOO_LARGE")).toMatchObject({ maxTokens: 2000 });
    // 2 + 249 × 8 = 1994 tokens
    expect((await api.query(`{ ${"__typename @skip(if: false) ".repeat(249)} }`)).errors).toBeUndefined();
  });

  it("leaves the web app's own operations (the persisted-query manifest) well inside every limit", async () => {
    const { loadManifest } = await import("../src/persisted/manifest.js");
    const { readSamples, warmupRequests } = await import("../src/health/warmup.js");
    const manifest = [...loadManifest().values()];
    expect(manifest.length).toBeGreaterThanOrEqual(4);
    // Its queries run, with real ids from the graph for their variables (as the start-up warm-up fills them).
    const { requests, skipped } = warmupRequests(
      manifest.map((query) => ({ name: /(?:query|mutation|subscription) (\w+)/.exec(query)![1]!, query })),
      await readSamples(api.db),
    );
    expect(skipped).toEqual([]);
    for (const { query, variables } of requests) {
      expect((await api.query(query, variables)).errors, /query (\w+)/.exec(query)![1]).toBeUndefined();
    }
    // Its mutations and subscriptions are measured before anything else is checked: sent bare, none is refused for a limit.
    const limitCodes = ["TOO_MANY_SELECTIONS", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "LIST_TOO_LONG", "QUERY_TOO_COMPLEX", "QUERY_TOO_LARGE"];
    for (const document of manifest.filter((query) => !requests.some((r) => r.query === query))) {
      const codes = ((await api.query(document, {})).errors ?? []).map((e) => e.extensions?.code);
      expect(
        codes.filter((code) => limitCodes.includes(code as string)),
        /(?:mutation|subscription) (\w+)/.exec(document)?.[1],
      ).toEqual([]);
    }
  });
});

describe("with limits set by configuration", () => {
  const api = useApi({
    MAX_QUERY_DEPTH: 4,
    MAX_QUERY_ALIASES: 1,
    MAX_QUERY_SELECTIONS: 5,
    MAX_QUERY_COST: 50,
    MAX_LIST_ARGUMENT_LENGTH: 2,
    MAX_QUERY_TOKENS: 30,
  });

  it("applies each of them", async () => {
    expect(expectRefused(await api.query(`{ person(id: "x") { countries { places { within { name } } } } }`), "QUERY_TOO_DEEP")).toMatchObject({
      depth: 5,
      maxDepth: 4,
    });
    expect(expectRefused(await api.query(`{ a: health { database } b: health { database } }`), "TOO_MANY_ALIASES")).toMatchObject({
      aliases: 2,
      maxAliases: 1,
    });
    expect(expectRefused(await api.query(`{ health { database neo4jVersion } __typename h: health { database } }`), "TOO_MANY_SELECTIONS")).toMatchObject({
      maxSelections: 5,
    });
    // people 1 + edges 1 + 20 × (node 1 + id 1 + name 1) = 62
    expect(expectRefused(await api.query(`{ people { edges { node { id name } } } }`), "QUERY_TOO_COMPLEX")).toMatchObject({ cost: 62, maxCost: 50 });
    expect(expectRefused(await api.query(`{ timeTogether(personIds: ["a", "b", "c"]) { meetingCount } }`), "LIST_TOO_LONG")).toMatchObject({
      length: 3,
      maxLength: 2,
    });
    expect(expectRefused(await api.query(`{ ${"__typename ".repeat(30)} }`), "QUERY_TOO_LARGE")).toMatchObject({ maxTokens: 30 });
    expect((await api.query(`{ people(first: 2) { edges { node { id } } } }`)).errors).toBeUndefined();
  });
});

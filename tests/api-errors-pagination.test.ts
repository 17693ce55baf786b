import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createLogger } from "../src/logger.js";
import { createServer } from "../src/server.js";
import { useApi } from "./support/api.js";
import { dataOf, idsOf } from "./support/graphql.js";

const api = useApi();

describe("pagination", () => {
  const PAGE = `query ($first: Int, $after: String) {
    meetings(filter: {countryId: "RU"}, first: $first, after: $after) {
      totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

  it("walks the meetings in Russia three at a time, with stable order and opaque cursors", async () => {
    const pages: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const { meetings } = await dataOf(api, PAGE, { first: 3, after });
      expect(meetings.totalCount).toBe(7);
      expect(meetings.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(meetings.pageInfo.startCursor).toBe(meetings.edges[0].cursor);
      expect(meetings.pageInfo.endCursor).toBe(meetings.edges.at(-1).cursor);
      pages.push(idsOf(meetings));
      if (!meetings.pageInfo.hasNextPage) break;
      after = meetings.pageInfo.endCursor;
    }
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const { meetings: all } = await dataOf(api, PAGE, { first: 100 });
    expect(pages.flat()).toEqual(idsOf(all));
  });

  it("pages 20 at a time by default and answers an empty page after the end", async () => {
    const { everything } = await dataOf(api, `{ everything: meetings(filter: {from: "2025-01-01"}) { edges { node { id } } } }`);
    expect(everything.edges).toHaveLength(9);
    const { meetings: all } = await dataOf(api, PAGE, { first: 100 });
    const { meetings } = await dataOf(api, PAGE, { first: 5, after: all.pageInfo.endCursor });
    expect(meetings.edges).toEqual([]);
    expect(meetings.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it("counts the total with the page, in the same statement", async () => {
    const firstPage = await api.query(`{ meetings(filter: {countryId: "RU"}, first: 2) { totalCount edges { node { id } } } }`);
    const everything = await api.query(`{ meetings(filter: {countryId: "RU"}, first: 100) { totalCount edges { node { id } } } }`);
    expect(firstPage.extensions?.cypherRoundTrips).toBe(1);
    expect(firstPage.data!.meetings.edges).toHaveLength(2);
    expect(firstPage.data!.meetings.totalCount).toBe(everything.data!.meetings.edges.length);
    expect(everything.data!.meetings.totalCount).toBe(everything.data!.meetings.edges.length);
  });

  it("pages the same without totalCount, when the database stops at each page's end", async () => {
    const uncounted = PAGE.replace("totalCount ", "");
    const { meetings: all } = await dataOf(api, uncounted, { first: 100 });
    const { meetings: page2 } = await dataOf(api, uncounted, { first: 3, after: all.edges[2].cursor });
    expect(idsOf(page2)).toEqual(idsOf(all).slice(3, 6));
    expect(page2.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // Two pages of other sizes and offsets in one request: each is its own statement, side by side.
    const both = await api.query(`{
      a: meetings(filter: {countryId: "RU"}, first: 2, after: "${all.edges[0].cursor}") { edges { node { id } } pageInfo { hasNextPage } }
      b: meetings(filter: {countryId: "RU"}, first: 4, after: "${all.edges[4].cursor}") { edges { node { id } } pageInfo { hasNextPage } } }`);
    expect(idsOf(both.data!.a)).toEqual(idsOf(all).slice(1, 3));
    expect(idsOf(both.data!.b)).toEqual(idsOf(all).slice(5, 7));
    expect([both.data!.a.pageInfo.hasNextPage, both.data!.b.pageInfo.hasNextPage]).toEqual([true, false]);
    expect(both.extensions?.cypherRoundTrips).toBe(2);
  });

  it("allows first: 0, to ask only whether there is anything", async () => {
    const { meetings } = await dataOf(api, PAGE, { first: 0 });
    expect(meetings).toMatchObject({ totalCount: 7, edges: [], pageInfo: { hasNextPage: true } });
  });
});

describe("invalid arguments are BAD_USER_INPUT errors naming the argument", () => {
  async function rejects(query: string, variables: Record<string, unknown>, argument: RegExp) {
    const res = await api.query(query, variables);
    expect(res.errors?.length).toBe(1);
    expect(res.errors![0]!.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.errors![0]!.message).toMatch(argument);
    expect(res.errors![0]!.extensions?.stacktrace).toBeUndefined();
  }
  const MEETINGS = `query ($filter: MeetingFilter, $orderBy: MeetingOrder, $first: Int, $after: String) {
    meetings(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount } }`;

  it("rejects a page size above the maximum or below zero", async () => {
    await rejects(MEETINGS, { first: 101 }, /"first".*between 0 and 100, got 101/);
    await rejects(MEETINGS, { first: -1 }, /"first"/);
    await rejects(`{ person(id: "vladimir-putin") { counterparts(first: 500) { meetingCount } } }`, {}, /"first"/);
    await rejects(`{ search(query: "putin", first: 1000) { __typename } }`, {}, /"first"/);
  });

  it("rejects a malformed cursor", async () => {
    await rejects(MEETINGS, { after: "not-a-cursor" }, /"after".*not a cursor/);
    await rejects(MEETINGS, { after: Buffer.from(JSON.stringify({ offset: -4 })).toString("base64url") }, /"after"/);
  });

  it("rejects impossible dates, in variables and in the query text", async () => {
    await rejects(MEETINGS, { filter: { from: "2025-02-30" } }, /"filter.from": "2025-02-30" is not a real calendar date/);
    await rejects(MEETINGS, { filter: { to: "last week" } }, /"filter.to": "last week"/);
    await rejects(`{ statements(filter: {from: "2025-13"}) { totalCount } }`, {}, /"filter.from": "2025-13"/);
  });

  it("rejects a date range that ends before it starts, and inverted or negative durations", async () => {
    await rejects(MEETINGS, { filter: { from: "2025-12-01", to: "2025-03" } }, /"filter.from": 2025-12-01 is after filter.to 2025-03/);
    await rejects(MEETINGS, { filter: { minDurationMinutes: 300, maxDurationMinutes: 200 } }, /"filter.minDurationMinutes"/);
    await rejects(MEETINGS, { filter: { maxDurationMinutes: -5 } }, /"filter.maxDurationMinutes"/);
  });

  it("rejects empty lists of people", async () => {
    await rejects(`{ meetingsBetween(personIds: []) { totalCount } }`, {}, /"personIds".*at least one/);
    await rejects(`{ timeTogether(personIds: []) { meetingCount } }`, {}, /"personIds"/);
    await rejects(MEETINGS, { filter: { participantIds: [] } }, /"filter.participantIds"/);
  });

  it("rejects maxHops outside 1..6", async () => {
    const PATH = `query ($maxHops: Int) { connectionPath(fromId: "jared-kushner", toId: "kirill-dmitriev", maxHops: $maxHops) { meeting { id } } }`;
    await rejects(PATH, { maxHops: 0 }, /"maxHops".*between 1 and 6/);
    await rejects(PATH, { maxHops: 7 }, /"maxHops"/);
  });

  it("rejects an unknown order and a blank search", async () => {
    await rejects(MEETINGS, { orderBy: "LONGEST" }, /orderBy/);
    await rejects(`{ search(query: "   ") { __typename } }`, {}, /"query".*blank/);
  });
});

describe("when the database is unreachable", () => {
  it("answers SERVICE_UNAVAILABLE", async () => {
    const driver = neo4j.driver("bolt://127.0.0.1:9", neo4j.auth.basic("neo4j", "x"), { maxTransactionRetryTime: 0, connectionTimeout: 2_000 });
    const db = new Neo4jExecutor(driver, { database: "neo4j", queryTimeoutMs: 2_000 });
    const server = await createServer({ config: { NODE_ENV: "test" }, db, logger: createLogger("silent") });
    const port = await server.listen(0, "127.0.0.1");
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ meetings { totalCount } }` }),
      });
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]!.extensions.code).toBe("SERVICE_UNAVAILABLE");
    } finally {
      await server.stop();
      await driver.close();
    }
  });
});

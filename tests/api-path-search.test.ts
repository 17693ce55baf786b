import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf } from "./support/graphql.js";

const api = useApi();
const data = (query: string, variables?: Record<string, unknown>) => dataOf(api, query, variables);

const PATH = `query ($from: ID!, $to: ID!, $maxHops: Int) {
  connectionPath(fromId: $from, toId: $to, maxHops: $maxHops) { from { id } meeting { id } to { id } } }`;

describe("connection paths", () => {
  it("links Kushner to Dmitriev through the December talks", async () => {
    const { connectionPath } = await data(PATH, { from: "jared-kushner", to: "kirill-dmitriev" });
    expect(connectionPath).toEqual([
      { from: { id: "jared-kushner" }, meeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" }, to: { id: "kirill-dmitriev" } },
    ]);
  });

  it("is null when no chain of meetings links the two (Trump attended none)", async () => {
    expect((await data(PATH, { from: "donald-trump", to: "vladimir-putin" })).connectionPath).toBeNull();
    expect((await data(PATH, { from: "nobody-at-all", to: "vladimir-putin" })).connectionPath).toBeNull();
  });

  it("is empty from a person to themselves", async () => {
    expect((await data(PATH, { from: "vladimir-putin", to: "vladimir-putin" })).connectionPath).toEqual([]);
  });

  describe("over several hops", () => {
    // A chain a–b–c–d through three test meetings, far from the seed data.
    const id = (name: string) => `test-path-${name}`;
    beforeAll(async () => {
      await api.db.write(
        "test.pathChain",
        `UNWIND $links AS link
         MERGE (a:Person {id: link.from}) ON CREATE SET a.name = link.from, a.aliases = []
         MERGE (b:Person {id: link.to}) ON CREATE SET b.name = link.to, b.aliases = []
         CREATE (m:Meeting {id: link.meeting, title: link.meeting, date: "1901-01-01", datePrecision: "DAY", dateStart: date("1901-01-01"), dateEnd: date("1901-01-01"), durationApproximate: false})
         CREATE (a)-[:ATTENDED]->(m), (b)-[:ATTENDED]->(m)`,
        {
          links: [
            { from: id("a"), to: id("b"), meeting: id("m1") },
            { from: id("b"), to: id("c"), meeting: id("m2") },
            { from: id("c"), to: id("d"), meeting: id("m3") },
          ],
        },
      );
    });
    afterAll(() => api.db.write("test.cleanup", `MATCH (n) WHERE n.id STARTS WITH "test-path-" DETACH DELETE n`));

    it("finds the three steps in order, and nothing when maxHops is smaller", async () => {
      const full = await data(PATH, { from: id("a"), to: id("d"), maxHops: 3 });
      expect(full.connectionPath.map((s: any) => [s.from.id, s.meeting.id, s.to.id])).toEqual([
        [id("a"), id("m1"), id("b")],
        [id("b"), id("m2"), id("c")],
        [id("c"), id("m3"), id("d")],
      ]);
      expect((await data(PATH, { from: id("a"), to: id("d"), maxHops: 2 })).connectionPath).toBeNull();
    });
  });
});

describe("full-text search", () => {
  const SEARCH = `query ($q: String!, $first: Int) { search(query: $q, first: $first) {
    __typename
    ... on Person { id } ... on Meeting { id } ... on Statement { id } ... on Place { id } ... on Organization { id } ... on Country { id }
  } }`;

  it('finds Steve Witkoff for "special envoy", first', async () => {
    const { search } = await data(SEARCH, { q: "special envoy" });
    expect(search[0]).toEqual({ __typename: "Person", id: "steve-witkoff" });
  });

  it("returns a ranked union of every kind of node", async () => {
    const { search } = await data(SEARCH, { q: "Kremlin", first: 50 });
    const types = new Set(search.map((r: any) => r.__typename));
    expect(types).toEqual(new Set(["Place", "Meeting", "Organization", "Person", "Statement"]));
    expect(search[0]).toEqual({ __typename: "Place", id: "kremlin" });
  });

  it("matches word prefixes, a person first as for the whole name, and ignores Lucene syntax in the query", async () => {
    expect((await data(SEARCH, { q: "witk" })).search[0]).toEqual({ __typename: "Person", id: "steve-witkoff" });
    expect((await data(SEARCH, { q: "ushak" })).search[0]).toEqual({ __typename: "Person", id: "yuri-ushakov" });
    expect((await data(SEARCH, { q: 'russia" OR (*' })).search).toContainEqual({ __typename: "Country", id: "RU" });
  });

  it("limits the results to first", async () => {
    expect((await data(SEARCH, { q: "putin", first: 3 })).search).toHaveLength(3);
  });

  it("gives as its first n results the first n of the longer ranking, ties at the cut included", async () => {
    for (const q of ["witk", "putin", "kremlin", "moscow", "ushak", "meeting"]) {
      const { search: ranking } = await data(SEARCH, { q, first: 50 });
      for (let first = 1; first <= 8; first++) expect((await data(SEARCH, { q, first })).search, `${q}, first ${first}`).toEqual(ranking.slice(0, first));
    }
  });
});

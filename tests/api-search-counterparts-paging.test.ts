/**
 * Lists that were not connections (issue 22): search results a page at a time with their total,
 * and how many counterparts a person has beyond the ranking's page.
 */
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf } from "./support/graphql.js";

const api = useApi();

interface Hit {
  __typename: string;
  id: string;
}
const hitsOf = (edges: { node: Hit }[]) => edges.map(({ node }) => `${node.__typename}:${node.id}`);
const HIT = `__typename ... on Person { id } ... on Meeting { id } ... on Statement { id } ... on Place { id } ... on Organization { id } ... on Country { id }`;

describe("searchResults", () => {
  const PAGE = `query ($query: String!, $first: Int, $after: String) {
    searchResults(query: $query, first: $first, after: $after) { totalCount edges { cursor node { ${HIT} } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

  it("pages through search's results in search's order, with their total", async () => {
    const { search } = await dataOf(api, `{ search(query: "putin", first: 100) { ${HIT} } }`);
    expect(search.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { searchResults } = await dataOf(api, PAGE, { query: "putin", first: 4, after });
      expect(searchResults.totalCount).toBe(search.length);
      expect(searchResults.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...hitsOf(searchResults.edges));
      after = searchResults.pageInfo.hasNextPage ? searchResults.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(search.map((hit: Hit) => `${hit.__typename}:${hit.id}`));
  });

  it("refuses a blank query and a cursor that is not one, naming the argument", async () => {
    for (const [variables, argument] of [
      [{ query: " " }, "query"],
      [{ query: "putin", after: "not-a-cursor" }, "after"],
      [{ query: "putin", first: 101 }, "first"],
    ] as const) {
      const res = await api.query(PAGE, variables);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
    }
  });
});

describe("counterpartCount", () => {
  const COUNTS = `query ($id: ID!, $filter: MeetingFilter) {
    person(id: $id) { counterpartCount(filter: $filter) counterparts(filter: $filter, first: 100) { person { id } } } }`;

  it("is the length of the whole ranking, with or without a filter, whatever `first` returns", async () => {
    for (const filter of [null, { from: "2025", to: "2025" }, { placeId: "kremlin" }]) {
      const { person } = await dataOf(api, COUNTS, { id: "vladimir-putin", filter });
      expect(person.counterpartCount, JSON.stringify(filter)).toBe(person.counterparts.length);
    }
    const { person } = await dataOf(api, `{ person(id: "vladimir-putin") { counterpartCount counterparts(first: 2) { person { id } } } }`);
    expect(person.counterparts).toHaveLength(2);
    expect(person.counterpartCount).toBeGreaterThan(2);
  });

  it("is 0 for meetings nobody else attended", async () => {
    const { person } = await dataOf(api, COUNTS, { id: "vladimir-putin", filter: { from: "1000", to: "1001" } });
    expect(person).toEqual({ counterpartCount: 0, counterparts: [] });
  });
});

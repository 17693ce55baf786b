/**
 * No N+1: a nested query costs the same number of Cypher round trips over 10 meetings as over
 * 100. The test meetings sit in their own building (in Ireland, where the seed has none), are
 * dated 1900 and have no duration, so the other specifications never see them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";

// NESTED is deliberately huge (estimated cost about 115,000, MAX_QUERY_COST refuses it by default): this is about round trips, not limits.
const api = useApi({ MAX_QUERY_COST: 200_000 });
const PREFIX = "test-rt-";

const CREATE_MEETINGS = `
MATCH (ireland:Country {id: "IE"})
MERGE (city:Place {id: $prefix + "city"}) ON CREATE SET city.name = "Test City", city.kind = "city"
MERGE (city)-[:WITHIN]->(ireland)
MERGE (source:Source {id: $prefix + "source"}) ON CREATE SET source.title = "Test source", source.kind = "article"
MERGE (topic:Topic {id: $prefix + "topic"}) ON CREATE SET topic.name = "Test topic"
WITH city, source, topic
UNWIND $meetings AS row
MERGE (hall:Place {id: row.placeId}) ON CREATE SET hall.name = row.placeId, hall.kind = "building"
MERGE (hall)-[:WITHIN]->(city)
CREATE (m:Meeting {id: row.id, title: row.id, kind: "talks", date: row.date, datePrecision: "DAY",
                   dateStart: date(row.date), dateEnd: date(row.date), durationApproximate: false})
CREATE (m)-[:HELD_AT]->(hall), (m)-[:ABOUT]->(topic)
FOREACH (pid IN row.participantIds |
  MERGE (p:Person {id: pid}) ON CREATE SET p.name = pid, p.aliases = []
  CREATE (p)-[:ATTENDED {role: "delegate", delegationCountryId: "IE", sourceIds: [source.id], excerpts: ["test"]}]->(m))
// Two dates of different precision and two places, one within the other: a compatible conflict each.
FOREACH (i IN [1, 2] |
  CREATE (m)-[:HAS_CLAIM]->(:Claim {id: row.id + "#claim-" + i, field: "date", value: CASE i WHEN 1 THEN row.date ELSE left(row.date, 7) END})-[:FROM]->(source))
FOREACH (i IN [3, 4] |
  CREATE (m)-[:HAS_CLAIM]->(:Claim {id: row.id + "#claim-" + i, field: "place", value: CASE i WHEN 3 THEN row.placeId ELSE city.id END})-[:FROM]->(source))
CREATE (st:Statement {id: row.id + "-said", text: "said at " + row.id, quoted: true, saidOn: row.date, datePrecision: "DAY",
                      saidOnStart: date(row.date), saidOnEnd: date(row.date)})
CREATE (st)-[:IN_CONTEXT_OF]->(m)
CREATE (st)-[:HAS_WORDING]->(:Wording {id: st.id + "#" + source.id, text: st.text})-[:FROM]->(source)
WITH st, row
MATCH (speaker:Person {id: row.participantIds[0]})
CREATE (speaker)-[:SAID]->(st)`;

/** `count` meetings at one building, each with three of twenty people. */
function meetings(group: string, count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${PREFIX}${group}-${String(i).padStart(3, "0")}`,
    placeId: `${PREFIX}${group}-hall`,
    date: new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10),
    participantIds: [0, 7, 13].map((k) => `${PREFIX}${group}-person-${(i + k) % 20}`),
  }));
}

const NESTED = `query ($placeId: ID!) {
  meetings(filter: {placeId: $placeId}, first: 100) {
    totalCount
    pageInfo { hasNextPage }
    edges { cursor node {
      id title date duration { minutes source { id } }
      place { name within { name country { name } } country { id } }
      country { name }
      participants {
        role delegation { name }
        person { name roles { title } countries { id } counterparts(first: 3) { person { name } meetingCount time { minutes unknownCount } lastMeeting { id } } }
        sources { source { title } }
      }
      claims { field value basis hedge rank claimant { name } source { title publishedBy { name } } }
      began { source { title } } ended { latest } durationConsensus { minMinutes }
      conflicts { field claims { id } }
      statements { text speaker { name } wordings { text quoted attributedTo basis source { title } } }
      topics { name }
      sources { id }
    } }
  }
}`;

describe("round trips do not grow with the result", () => {
  beforeAll(async () => {
    await api.db.write("test.roundTrips.create", CREATE_MEETINGS, { prefix: PREFIX, meetings: [...meetings("small", 10), ...meetings("large", 100)] });
  });
  afterAll(() => api.db.write("test.roundTrips.cleanup", `MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n`, { prefix: PREFIX }));

  it("costs the same bounded number of Cypher statements for 10 and for 100 meetings", async () => {
    const small = await api.query(NESTED, { placeId: `${PREFIX}small-hall` });
    const large = await api.query(NESTED, { placeId: `${PREFIX}large-hall` });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data!.meetings.edges).toHaveLength(10);
    expect(large.data!.meetings.edges).toHaveLength(100);
    expect(large.data!.meetings.totalCount).toBe(100);

    // A meeting of the large group, all the way down: the data is really there.
    const first = large.data!.meetings.edges[0].node;
    expect(first.place).toEqual({ name: `${PREFIX}large-hall`, within: { name: "Test City", country: { name: "Ireland" } }, country: { id: "IE" } });
    expect(first.participants).toHaveLength(3);
    expect(first.participants[0].person.counterparts).toHaveLength(3);
    expect(first.claims).toHaveLength(4);
    expect(first.conflicts.map((c: { field: string }) => c.field)).toEqual(["date", "place"]);
    expect(first.statements[0].wordings[0].source.title).toBe("Test source");

    // One statement per loader per level of the query, batched across all 100 meetings and 300 participants.
    expect(large.extensions?.cypherRoundTrips).toBe(small.extensions?.cypherRoundTrips);
    expect(large.extensions?.cypherRoundTrips).toBeLessThanOrEqual(20);
  });

  it("pages through conflicts across many meetings the same with or without their total", async () => {
    const page = (withTotal: boolean) => `query ($after: String) {
      conflicts(filter: {field: "place"}, first: 100, after: $after) { ${withTotal ? "totalCount" : ""} pageInfo { hasNextPage endCursor } edges { node { meeting { id } } } } }`;
    const pages = async (withTotal: boolean) => {
      const first = await api.query(page(withTotal));
      const second = await api.query(page(withTotal), { after: first.data!.conflicts.pageInfo.endCursor });
      return [first, second].map((res) => {
        expect(res.errors).toBeUndefined();
        const { pageInfo, edges } = res.data!.conflicts;
        return { hasNextPage: pageInfo.hasNextPage, ids: edges.map((e: { node: { meeting: { id: string } } }) => e.node.meeting.id) };
      });
    };
    const counted = await pages(true);
    // The 110 test meetings come first (dated 1900): more than a page, and than one round of judged meetings.
    expect(counted.map((p) => [p.ids.length, p.hasNextPage])).toEqual([
      [100, true],
      [expect.any(Number), false],
    ]);
    expect(counted[1]!.ids.length).toBeGreaterThanOrEqual(10);
    expect(await pages(false)).toEqual(counted);
  });
});

describe("the questions clients ask most cost one statement each", () => {
  const cases: [string, string, (data: any) => void][] = [
    [
      "a person with their top counterparts",
      `{ person(id: "vladimir-putin") { name counterparts(first: 3) { person { id name } meetingCount time { minutes unknownCount } } } }`,
      (data) => expect(data.person.counterparts.map((c: any) => c.person.id)).toContain("steve-witkoff"),
    ],
    [
      "the meetings of two people with their place, participants and total",
      `{ meetingsBetween(personIds: ["vladimir-putin", "steve-witkoff"], first: 20) {
          totalCount edges { node { id place { name } participants { role person { id name } } } } } }`,
      (data) => {
        expect(data.meetingsBetween.totalCount).toBe(data.meetingsBetween.edges.length);
        for (const { node } of data.meetingsBetween.edges)
          expect(node.participants.map((p: any) => p.person.id)).toEqual(expect.arrayContaining(["vladimir-putin", "steve-witkoff"]));
      },
    ],
    [
      "a search page: each person with their roles and countries, each place and meeting's place within what and in which country",
      `{ search(query: "kremlin putin", first: 50) { __typename
          ... on Person { id name roles { title } countries { id name } }
          ... on Meeting { id place { name within { name } country { name } } }
          ... on Place { id name within { name } country { name } } } }`,
      (data) => {
        const putin = data.search.find((hit: any) => hit.id === "vladimir-putin");
        expect(putin.countries).toEqual([{ id: "RU", name: "Russia" }]);
        expect(putin.roles.length).toBeGreaterThan(0);
        const kremlin = { name: "Moscow Kremlin", within: { name: "Moscow" }, country: { name: "Russia" } };
        expect(data.search).toContainEqual({ __typename: "Place", id: "kremlin", ...kremlin });
        expect(data.search.filter((hit: any) => hit.__typename === "Meeting").map((hit: any) => hit.place)).toContainEqual(kremlin);
      },
    ],
    [
      "how long two people spent together",
      `{ timeTogether(personIds: ["vladimir-putin", "steve-witkoff"]) { meetingCount time { minutes knownCount unknownCount } } }`,
      (data) => expect(data.timeTogether.meetingCount).toBe(data.timeTogether.time.knownCount + data.timeTogether.time.unknownCount),
    ],
    [
      "the path between two people, with its people and meetings",
      `{ connectionPath(fromId: "jared-kushner", toId: "kirill-dmitriev") { from { name } meeting { title place { name } } to { name } } }`,
      (data) => expect(data.connectionPath[0].to.name).toBe("Kirill Dmitriev"),
    ],
    [
      "a full-text search with each hit's fields",
      `{ search(query: "special envoy") { __typename ... on Person { id name } ... on Meeting { title } } }`,
      (data) => expect(data.search[0]).toEqual({ __typename: "Person", id: "steve-witkoff", name: "Steve Witkoff" }),
    ],
  ];

  it.each(cases)("%s", async (_title, query, check) => {
    const response = await api.query(query);
    expect(response.errors).toBeUndefined();
    check(response.data);
    expect(response.extensions?.cypherRoundTrips).toBe(1);
  });

  it("a person's meetings with where each was held, within what and in which country: one statement, the page read with the person", async () => {
    const response = await api.query(
      `{ person(id: "vladimir-putin") { meetings(first: 20) { edges { node { id place { name within { name } country { name } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.person.meetings.edges.map((e: any) => e.node.place)).toContainEqual({
      name: "Moscow Kremlin",
      within: { name: "Moscow" },
      country: { name: "Russia" },
    });
    expect(response.extensions?.cypherRoundTrips).toBe(1);
  });
});

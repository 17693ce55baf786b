/**
 * The person page in few statements (issue 24): the web app's PersonPage and PersonMeetings as
 * the app sends them, and the parts of a person the page reads together: the answers are those
 * of the parts read one by one, in fewer Cypher round trips (`extensions.cypherRoundTrips`).
 */
import { describe, expect, it } from "vitest";
import { loadManifest } from "../src/persisted/manifest.js";
import { useApi } from "./support/api.js";
import { dataOf } from "./support/graphql.js";

const api = useApi();
const PUTIN = "vladimir-putin";

/** The web app's operation `name`, as its persisted document. */
function webDocument(name: string): string {
  const found = [...loadManifest().values()].find((document) => new RegExp(`\\bquery ${name}\\b`).test(document));
  if (!found) throw new Error(`the web app has no operation ${name}`);
  return found;
}

async function roundTripsOf(query: string, variables?: Record<string, unknown>) {
  const res = await api.query(query, variables);
  expect(res.errors).toBeUndefined();
  return { data: res.data!, roundTrips: res.extensions!.cypherRoundTrips! };
}

describe("the person page", () => {
  it("reads the person, roles, relations, countries, counterparts, their count and what they all name in one statement", async () => {
    const { data, roundTrips } = await roundTripsOf(webDocument("PersonPage"), { id: PUTIN });
    expect(data.person.counterparts.length).toBe(data.person.counterpartCount);
    expect(data.person.roles.length).toBeGreaterThan(0);
    expect(data.person.relations.length).toBeGreaterThan(0);
    expect(roundTrips).toBe(1);
  });

  it("answers as its parts do when each is asked for alone", async () => {
    const { data } = await roundTripsOf(webDocument("PersonPage"), { id: PUTIN });
    const parts = await dataOf(
      api,
      `query ($id: ID!) { person(id: $id) { id name aliases countries { id name } roles { id title from to country { name } organization { name }
        sources { basis excerpt note source { id publisher title } } } relations { kind direction person { id name } sources { basis excerpt note source { id publisher title } } } } }`,
      { id: PUTIN },
    );
    const { counterpartCount } = (await dataOf(api, `{ person(id: "${PUTIN}") { counterpartCount } }`)).person;
    expect(data.person).toMatchObject({ ...parts.person, counterpartCount });
  });

  it("costs one statement for an id that is nobody's", async () => {
    const { data, roundTrips } = await roundTripsOf(webDocument("PersonPage"), { id: "no-such-person" });
    expect(data).toEqual({ person: null });
    expect(roundTrips).toBe(1);
  });

  it("counts the counterparts in the ranking's statement when the count has the ranking's filter", async () => {
    const filter = { from: "2025-01-01", to: "2025-12-31" };
    const together = await roundTripsOf(
      `query ($id: ID!, $filter: MeetingFilter) { person(id: $id) { counterpartCount(filter: $filter) counterparts(filter: $filter, first: 2) { person { id } } } }`,
      { id: PUTIN, filter },
    );
    const alone = await dataOf(api, `query ($id: ID!, $filter: MeetingFilter) { person(id: $id) { counterpartCount(filter: $filter) } }`, {
      id: PUTIN,
      filter,
    });
    expect(together.data.person.counterpartCount).toBe(alone.person.counterpartCount);
    expect(together.data.person.counterparts).toHaveLength(2);
    expect(together.roundTrips).toBe(1);
  });

  it("reads each counterpart's first and last meeting in the ranking's statement, with the fields selected", async () => {
    const MEETING = "id heldOn datePrecision title place { name country { name } }";
    const { data, roundTrips } = await roundTripsOf(
      `query ($id: ID!) { person(id: $id) { counterparts(first: 100) { person { id } firstMeeting { ${MEETING} } lastMeeting { ${MEETING} } } } }`,
      { id: PUTIN },
    );
    // The places' countries are read by id, in one more statement.
    expect(roundTrips).toBeLessThanOrEqual(2);
    expect(data.person.counterparts.length).toBeGreaterThan(3);
    for (const { person, firstMeeting, lastMeeting } of data.person.counterparts) {
      const { meetingsBetween } = await dataOf(api, `query ($ids: [ID!]!) { meetingsBetween(personIds: $ids, first: 100) { edges { node { ${MEETING} } } } }`, {
        ids: [PUTIN, person.id],
      });
      const meetings = meetingsBetween.edges.map(({ node }: { node: unknown }) => node);
      expect([firstMeeting, lastMeeting]).toEqual([meetings[0], meetings.at(-1)]);
    }
  });
});

describe("the person's timeline", () => {
  it("reads the page of meetings in the person's statement, then the places it names", async () => {
    const { data, roundTrips } = await roundTripsOf(webDocument("PersonMeetings"), { id: PUTIN, first: 50, after: null });
    expect(data.person.meetings.totalCount).toBeGreaterThan(0);
    // The person with the page of meetings and their participants; the places' parent places and countries by id.
    expect(roundTrips).toBeLessThanOrEqual(3);
    const plain = await roundTripsOf(`query ($id: ID!) { person(id: $id) { name meetings(first: 3) { totalCount edges { node { id title } } } } }`, {
      id: PUTIN,
    });
    expect(plain.roundTrips).toBe(1);
  });

  it("reports a bad page argument at its own field, as when the page is read apart", async () => {
    const res = await api.query(`query ($id: ID!) { person(id: $id) { name statements(first: 500) { totalCount } meetings(first: 1) { totalCount } } }`, {
      id: PUTIN,
    });
    expect(res.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[["person", "statements"], "BAD_USER_INPUT"]]);
  });

  it("answers as the person's meetings read after the person do", async () => {
    const timeline = await dataOf(api, webDocument("PersonMeetings"), { id: PUTIN, first: 2, after: null });
    const next = await dataOf(api, webDocument("PersonMeetings"), { id: PUTIN, first: 2, after: timeline.person.meetings.pageInfo.endCursor });
    const ids = [...timeline.person.meetings.edges, ...next.person.meetings.edges].map(({ node }: { node: { id: string } }) => node.id);
    const between = await dataOf(api, `query ($ids: [ID!]!) { meetingsBetween(personIds: $ids, first: 4) { totalCount edges { node { id } } } }`, {
      ids: [PUTIN],
    });
    expect(ids).toEqual(between.meetingsBetween.edges.map(({ node }: { node: { id: string } }) => node.id));
    expect(timeline.person.meetings.totalCount).toBe(between.meetingsBetween.totalCount);
  });
});

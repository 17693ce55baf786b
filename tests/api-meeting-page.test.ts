/**
 * The web app's meeting page (MeetingPage) and a person's statements (PersonStatements) read what
 * they show in one Cypher statement each, and show exactly what the same fields show when read a
 * level at a time (in a list of meetings, or statement by statement).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { useApi, type GraphQLResponse } from "./support/api.js";

// A list of every seed meeting with everything its page shows costs more than a client may ask by default.
const api = useApi({ MAX_QUERY_COST: 200_000 });
const documents = JSON.parse(fs.readFileSync(path.join(projectRoot, "web/src/__generated__/persisted-documents.json"), "utf8")) as Record<string, string>;

function operation(name: string): string {
  const document = Object.values(documents).find((text) => text.includes(`query ${name}(`));
  if (!document) throw new Error(`no persisted document runs the query ${name}`);
  return document;
}

/** The web app's document for `name` with its operation swapped for `query`: the same fragments, read another way. */
const withFragmentsOf = (name: string, query: string) => `${operation(name).slice(0, operation(name).indexOf(`query ${name}(`))} ${query}`;

function ok<T>(response: GraphQLResponse<T>): T {
  expect(response.errors).toBeUndefined();
  return response.data!;
}

type PageMeeting = { id: string; claims: { field: string; value: string }[] };

describe("the meeting page", () => {
  /** Every meeting, read through a list (a loader per level); `fields` may use the page's fragments only if it uses them all. */
  async function listed(fields: string): Promise<PageMeeting[]> {
    const query = `query { meetings(first: 20) { edges { node { ${fields} } } } }`;
    const response = await api.query<{ meetings: { edges: { node: PageMeeting }[] } }>(fields.includes("...") ? withFragmentsOf("MeetingPage", query) : query);
    return ok(response).meetings.edges.map((edge) => edge.node);
  }

  it("shows every meeting as a list of meetings shows it, in one statement (two when a record claim is measured against earlier meetings)", async () => {
    const meetings = await listed("...MeetingPageFields");
    expect(meetings.length).toBeGreaterThan(5);
    for (const meeting of meetings) {
      const page = await api.query(operation("MeetingPage"), { id: meeting.id });
      expect(ok(page).meeting).toEqual(meeting);
      const record = meeting.claims.some((claim) => claim.field === "record" && claim.value === "longest-to-date");
      expect(page.extensions?.cypherRoundTrips, meeting.id).toBeLessThanOrEqual(record ? 2 : 1);
    }
  });

  it("reads only the parts a client selected, and those the same as in full", async () => {
    const fields = `id claims { field value source { title } claimant { name } }
      participants { person { name } delegation { name } }
      statements { id speaker { name } wordings { text source { id } } }
      place { name country { name } }`;
    for (const meeting of await listed(fields)) {
      const page = await api.query(`query ($id: ID!) { meeting(id: $id) { ${fields} } }`, { id: meeting.id });
      expect(ok(page).meeting).toEqual(meeting);
      expect(page.extensions?.cypherRoundTrips).toBe(1);
    }
  });

  it("costs one statement by id when nothing below the meeting is selected, and answers null for an unknown id", async () => {
    const id = (await listed("id"))[0]!.id;
    const plain = await api.query(`query ($id: ID!) { meeting(id: $id) { id title heldOn place { name } } }`, { id });
    expect(ok(plain).meeting).toMatchObject({ id });
    expect(plain.extensions?.cypherRoundTrips).toBe(1);
    const unknown = await api.query(operation("MeetingPage"), { id: "no-such-meeting" });
    expect(ok(unknown)).toEqual({ meeting: null });
    expect(unknown.extensions?.cypherRoundTrips).toBe(1);
  });
});

describe("a person's statements", () => {
  it("shows each statement as the statement by id shows it, in the person's statement and the page's", async () => {
    const people = ok(await api.query<{ people: { edges: { node: { id: string } }[] } }>(`{ people(first: 100) { edges { node { id } } } }`)).people.edges;
    let shown = 0;
    for (const { node: person } of people) {
      const page = await api.query(operation("PersonStatements"), { id: person.id, first: 20, after: null });
      const statements = ok(page).person.statements.edges.map((edge: { node: { id: string } }) => edge.node);
      // The person and the page of statements, each with its wordings, sources, speaker and meeting, in one statement.
      expect(page.extensions?.cypherRoundTrips, person.id).toBe(1);
      for (const statement of statements) {
        const alone = await api.query(withFragmentsOf("PersonStatements", `query ($id: ID!) { statement(id: $id) { ...StatementFields } }`), {
          id: statement.id,
        });
        expect(ok(alone).statement).toEqual(statement);
        shown += 1;
      }
    }
    expect(shown).toBeGreaterThan(3);
  });

  it("reads a statement's place and sources the same in a page as by id", async () => {
    const fields =
      "id place { name within { name } } speaker { id aliases } wordings { source { id title publishedBy { name } } } meeting { id place { name } }";
    const page = await api.query(`{ statements(first: 100) { edges { node { ${fields} } } } }`);
    const statements = ok(page).statements.edges.map((edge: { node: { id: string } }) => edge.node);
    expect(statements.length).toBeGreaterThan(3);
    // The page, then the publishers of the sources, which a page of statements does not read.
    expect(page.extensions?.cypherRoundTrips).toBeLessThanOrEqual(2);
    for (const statement of statements) {
      expect(ok(await api.query(`query ($id: ID!) { statement(id: $id) { ${fields} } }`, { id: statement.id })).statement).toEqual(statement);
    }
  });
});

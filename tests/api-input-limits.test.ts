/**
 * Inputs that used to reach Neo4j and fail there with an internal error (issue 18): dates before
 * the year 1000, over-long ids, cursors past what Cypher can index, subscriptions. Each is
 * refused at the edge with a stable code and the argument named; the values just inside each
 * limit still run. In production mode, as strangers see the service.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSeedDir } from "../src/seed/read.js";
import { MAX_ID_ARGUMENT_LENGTH, MAX_ID_LENGTH, MAX_NAME_LENGTH } from "../src/model/lengths.js";
import { SEED_FILE_NAMES, type SeedFileName } from "../src/seed/files.js";
import { SeedValidationError, validateSeedGraph } from "../src/seed/validate.js";
import { useApi, type GraphQLResponse } from "./support/api.js";

const api = useApi({ NODE_ENV: "production" });

function expectBadInput(res: GraphQLResponse, argument: string, message: RegExp) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
  expect(res.errors![0]!.message).toMatch(message);
}

describe("dates before the year 1000", () => {
  it.each([
    ["meetings", `{ meetings(filter: {from: "0999"}) { totalCount } }`, "filter.from", "0999"],
    ["meetings", `{ meetings(filter: {to: "0000"}) { totalCount } }`, "filter.to", "0000"],
    ["statements", `{ statements(filter: {from: "0999-12"}) { totalCount } }`, "filter.from", "0999-12"],
    ["a person's meetings", `{ person(id: "vladimir-putin") { meetings(filter: {from: "0500-01-01"}) { totalCount } } }`, "filter.from", "0500-01-01"],
  ])("are refused in %s filters, naming the argument", async (_where, query, argument, date) => {
    expectBadInput(await api.query(query), argument, new RegExp(`"${date}" is not a real calendar date from the year 1000 on`));
  });

  it("while the year 1000 itself is a date like any other", async () => {
    const res = await api.query(`{ meetings(filter: {from: "1000", to: "1000-12-31"}) { totalCount } statements(filter: {to: "1000"}) { totalCount } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ meetings: { totalCount: 0 }, statements: { totalCount: 0 } });
  });
});

describe("cursors", () => {
  const PAGE = `query($after: String, $first: Int) { meetings(after: $after, first: $first) { totalCount edges { cursor } pageInfo { hasPreviousPage } } }`;
  const cursorOf = (content: object) => Buffer.from(JSON.stringify(content)).toString("base64url");

  it("holding keys past every row answer an empty page, with the count", async () => {
    const res = await api.query(PAGE, { after: cursorOf({ after: [{ date: "9999-12-31" }, "\uffff"] }), first: 100 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.meetings).toEqual({ totalCount: expect.any(Number), edges: [], pageInfo: { hasPreviousPage: true } });
    expect(res.data?.meetings.totalCount).toBeGreaterThan(0);
  });

  it.each([
    ["an impossible date", { after: [{ date: "2025-02-30" }, "x"] }],
    ["a key of no order's kind", { after: [{ time: "12:00" }, "x"] }],
    ["too few keys", { after: ["x"] }],
  ])("holding %s are not cursors of this API", async (_what, cursor) => {
    expectBadInput(await api.query(PAGE, { after: cursorOf(cursor), first: 1 }), "after", /not a cursor from this API/);
  });

  it("from an older version (offsets) ask the client to start again", async () => {
    expectBadInput(await api.query(PAGE, { after: cursorOf({ offset: 3 }), first: 1 }), "after", /older version: restart paging from the first page/);
  });
});

describe("ids in arguments", () => {
  const longest = "x".repeat(MAX_ID_ARGUMENT_LENGTH);
  const tooLong = "x".repeat(MAX_ID_ARGUMENT_LENGTH + 1);

  it("up to the limit are looked up like any unknown id", async () => {
    const res = await api.query(`query($id: ID!) { person(id: $id) { id } meeting(id: $id) { id } }`, { id: longest });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ person: null, meeting: null });
  });

  it.each([
    ["a variable", `query($id: ID!) { person(id: $id) { id } }`, { id: tooLong }, "$id"],
    ["a literal", `{ place(id: "${tooLong}") { id } }`, {}, "id"],
    ["a list in a variable", `query($ids: [ID!]!) { meetingsBetween(personIds: $ids) { totalCount } }`, { ids: ["vladimir-putin", tooLong] }, "$ids.1"],
    ["a list literal in a filter", `{ meetings(filter: {participantIds: ["vladimir-putin", "${tooLong}"]}) { totalCount } }`, {}, "filter.participantIds"],
    ["an input object in a variable", `query($f: MeetingFilter) { meetings(filter: $f) { totalCount } }`, { f: { countryId: tooLong } }, "$f.countryId"],
    [
      "a mutation's input",
      `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { errors { code } } }`,
      { input: { claimId: tooLong, reason: "r" } },
      "$input.claimId",
    ],
  ])("longer than the limit are refused, in %s, before anything runs", async (_where, query, variables, argument) => {
    const res = await api.query(query, variables);
    expect(res.status).toBe(400);
    expectBadInput(res, argument, new RegExp(`an id has at most ${MAX_ID_ARGUMENT_LENGTH} characters, this one ${MAX_ID_ARGUMENT_LENGTH + 1}`));
    expect(res.extensions?.cypherRoundTrips ?? 0).toBe(0);
  });

  it("of other types are not counted as ids", async () => {
    const res = await api.query(`query($q: String) { people(search: $q, first: 1) { totalCount } }`, { q: tooLong });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ people: { totalCount: 0 } });
  });
});

describe("subscriptions", () => {
  it("are refused with SUBSCRIPTIONS_NOT_SUPPORTED: they are served over WebSocket (tests/ws-subscriptions.test.ts)", async () => {
    for (const query of ["subscription { claimAdded { claimId } }", 'subscription Named { meetingChanged(id: "x") { change } }']) {
      const res = await api.query(query);
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/not served over HTTP/), extensions: { code: "SUBSCRIPTIONS_NOT_SUPPORTED" } }),
      ]);
    }
  });
});

describe("the seed loader", () => {
  const seedFiles = () =>
    Object.fromEntries(SEED_FILE_NAMES.map((name) => [name, JSON.parse(fs.readFileSync(path.join(defaultSeedDir, `${name}.json`), "utf8"))])) as Record<
      SeedFileName,
      any[]
    >;
  const problemsWith = (change: (files: Record<SeedFileName, any[]>) => void): string[] => {
    const files = seedFiles();
    change(files);
    try {
      validateSeedGraph(files);
      return [];
    } catch (error) {
      if (!(error instanceof SeedValidationError)) throw error;
      return error.problems.map((p) => `${p.file}: ${p.message}`);
    }
  };

  it("takes ids and names at their limits, and refuses longer ones and dates before 1000 with the same rules as the API", () => {
    const topic = (id: string, name: string) => ({ id, name, description: "A topic." });
    expect(problemsWith((files) => files.topics.push(topic("t".repeat(MAX_ID_LENGTH), "n".repeat(MAX_NAME_LENGTH))))).toEqual([]);
    expect(problemsWith((files) => files.topics.push(topic("t".repeat(MAX_ID_LENGTH + 1), "n".repeat(MAX_NAME_LENGTH + 1))))).toEqual([
      `topics.json: id: must be at most ${MAX_ID_LENGTH} characters`,
      `topics.json: name: must be at most ${MAX_NAME_LENGTH} characters`,
    ]);
    expect(problemsWith((files) => (files.sources[0].publishedOn = "0999"))).toEqual([
      expect.stringMatching(/^sources\.json: publishedOn: invalid date "0999" \(expected a real calendar date from the year 1000 on/),
    ]);
  });
});

/** Curating the graph through the API (issue 7): authenticated, validated, transactional, audited writes. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey, signJwt } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const ALICE = "alice-secret-key";
const BOB = "bob-read-only-key";
const JWT_SECRET = "a-test-secret-that-is-long-enough-0123456789";
const api = useApi({ API_KEYS: [parseApiKey(`alice:write:${sha256(ALICE)}`), parseApiKey(`bob:read:${sha256(BOB)}`)], JWT_SECRET });

cleanUpAfterAll(api);
const ref = (sourceId = "dawat-004") => ({ sourceId, excerpt: "[test] an excerpt" });

async function write(query: string, variables: Record<string, unknown>, token = ALICE) {
  const res = await api.query(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
}
async function read(query: string, variables: Record<string, unknown> = {}) {
  const res = await api.query(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const CREATE_PERSON = `mutation($input: PersonInput!) { createPerson(input: $input) {
  person { id name aliases countries { id } roles { id title sources { source { id } } } relations { kind direction person { id } } }
  errors { field code message } } }`;
const UPDATE_PERSON = `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id name aliases countries { id } roles { id } } errors { field code message } } }`;
const MERGE = `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { person { id name aliases } errors { field code message } } }`;
const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) {
  meeting { id date datePrecision place { id } duration { minutes wording source { id } } participants { person { id } role delegation { id } } claims { id field value preferred } }
  errors { field code message } } }`;
const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) {
  meeting { id title place { id } participants { person { id } } duration { minutes wording } claims { id field } }
  errors { field code message } } }`;
const ATTACH = `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) {
  meeting { duration { minutes wording source { id } } claims(field: "duration") { id value preferred source { id } } }
  errors { field code message } } }`;
const RETRACT = `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { claim { id retractedAt retractedBy retractionReason } errors { field code message } } }`;
const ADD_STATEMENT = `mutation($input: StatementInput!) { addStatement(input: $input) {
  statement { id text speaker { id } meeting { id } wordings { text source { id } } } errors { field code message } } }`;
const ADD_WORDING = `mutation($input: AddWordingInput!) { addWording(input: $input) { statement { id wordings { text source { id } } } errors { field code message } } }`;
const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { source { id title publishedOn datePrecision kind url } errors { field code message } } }`;

const person = (id: string, extra: Record<string, unknown> = {}) => ({ id, name: `Test Person ${id}`, ...extra });
async function createPeople(...ids: string[]) {
  for (const id of ids) expect((await write(CREATE_PERSON, { input: person(id) })).createPerson.errors).toEqual([]);
}
const meetingInput = (id: string, participantIds: string[], extra: Record<string, unknown> = {}) => ({
  id,
  kind: "talks",
  title: `Test meeting ${id}`,
  date: "2025-06-01",
  placeId: "kremlin",
  participants: participantIds.map((personId) => ({ personId, delegationCountryId: "US", sources: [ref()] })),
  claims: [
    { field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" },
    { field: "place", value: "kremlin", sourceId: "dawat-004", excerpt: "[test] in the Kremlin" },
  ],
  durations: [
    { sourceId: "dawat-004", excerpt: "[test] three hours", wording: "three-hour", minutes: 180, minMinutes: 165, maxMinutes: 195, approximate: true },
  ],
  ...extra,
});

describe("authentication and authorization", () => {
  const mutation = `mutation { createSource(input: {id: "never-written", title: "x", kind: "article"}) { errors { code } } }`;

  it("refuses a write without a token, with a bad token, or with an unknown key: UNAUTHENTICATED", async () => {
    for (const token of [
      undefined,
      "not-a-key",
      await signJwt({ sub: "mallory", scope: "write", exp: Math.floor(Date.now() / 1000) + 600 }, "another-secret-another-secret-another-secret"),
    ]) {
      const res = await api.query(mutation, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(res.data?.createSource ?? null).toBeNull();
    }
    expect((await read(`{ source(id: "never-written") { id } }`)).source).toBeNull();
  });

  it("refuses a write with a read-only key or JWT: FORBIDDEN", async () => {
    for (const token of [BOB, await signJwt({ sub: "reader", scope: "read", exp: Math.floor(Date.now() / 1000) + 600 }, JWT_SECRET)]) {
      const res = await api.query(mutation, {}, token);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("refuses an expired JWT and accepts a valid one with write scope", async () => {
    const expired = await signJwt({ sub: "carol", scope: "read write", exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET);
    expect((await api.query(mutation, {}, expired)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const id = testId("src");
    const valid = await signJwt({ sub: "carol", scope: "read write", exp: Math.floor(Date.now() / 1000) + 600 }, JWT_SECRET);
    const data = await write(CREATE_SOURCE, { input: { id, title: "A JWT-written source", kind: "article" } }, valid);
    expect(data.createSource).toEqual({
      source: { id, title: "A JWT-written source", publishedOn: null, datePrecision: null, kind: "article", url: null },
      errors: [],
    });
    const { auditLog } = await write(`query($id: ID!) { auditLog(entityId: $id) { edges { node { actor via mutation entityIds } } } }`, { id }, BOB);
    expect(auditLog.edges).toEqual([{ node: { actor: "carol", via: "jwt", mutation: "createSource", entityIds: [id] } }]);
  });

  it("keeps reads public, but the audit log needs a token", async () => {
    expect((await read(`{ person(id: "steve-witkoff") { id } }`)).person).toEqual({ id: "steve-witkoff" });
    expect((await api.query(`{ auditLog { totalCount } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("people", () => {
  it("creates a person with aliases, countries, roles and relations; repeating it duplicates nothing", async () => {
    const id = testId("person");
    const input = person(id, {
      aliases: ["the envoy's deputy"],
      countryIds: ["US"],
      roles: [{ id: `${id}-deputy`, title: "Deputy envoy", organizationId: "white-house", countryId: "US", sources: [ref()] }],
      relations: [{ kind: "adviser-to", toPersonId: "steve-witkoff", sources: [ref("article-000")] }],
    });
    const expected = {
      id,
      name: input.name,
      aliases: ["the envoy's deputy"],
      countries: [{ id: "US" }],
      roles: [{ id: `${id}-deputy`, title: "Deputy envoy", sources: [{ source: { id: "dawat-004" } }] }],
      relations: [{ kind: "adviser-to", direction: "OUTGOING", person: { id: "steve-witkoff" } }],
    };
    expect((await write(CREATE_PERSON, { input })).createPerson).toEqual({ person: expected, errors: [] });
    expect((await write(CREATE_PERSON, { input })).createPerson).toEqual({ person: expected, errors: [] });
    const { people } = await read(`query($s: String) { people(search: $s) { totalCount } }`, { s: "envoy's deputy" });
    expect(people.totalCount).toBe(1);
  });

  it("updates only the fields given", async () => {
    const id = testId("person");
    await write(CREATE_PERSON, { input: person(id, { countryIds: ["RU"], roles: [{ id: `${id}-role`, title: "Aide", countryId: "RU", sources: [ref()] }] }) });
    const data = await write(UPDATE_PERSON, { input: { id, name: "Renamed Person", aliases: ["R. P."] } });
    expect(data.updatePerson).toEqual({
      person: { id, name: "Renamed Person", aliases: ["R. P."], countries: [{ id: "RU" }], roles: [{ id: `${id}-role` }] },
      errors: [],
    });
    const removed = await write(UPDATE_PERSON, { input: { id, roles: [] } });
    expect(removed.updatePerson.person.roles).toEqual([]);
    const missing = await write(UPDATE_PERSON, { input: { id: testId("nobody"), name: "X" } });
    expect(missing.updatePerson).toEqual({ person: null, errors: [{ field: ["input", "id"], code: "NOT_FOUND", message: expect.any(String) }] });
  });

  it("validates: empty name, bad slug, unknown references, inverted role dates, self-relation", async () => {
    const id = testId("person");
    const data = await write(CREATE_PERSON, {
      input: {
        id,
        name: "  ",
        countryIds: ["XX"],
        roles: [{ id: `${id}-r`, title: "Role", organizationId: testId("no-org"), from: "2025-05", to: "2025-02", sources: [ref(testId("no-source"))] }],
        relations: [{ kind: "adviser-to", toPersonId: id, sources: [ref()] }],
      },
    });
    // Rules across fields are checked once the shape is right.
    expect(data.createPerson).toEqual({ person: null, errors: [{ field: ["input", "name"], code: "EMPTY", message: "must not be empty" }] });
    const rules = await write(CREATE_PERSON, {
      input: person(id, {
        roles: [{ id: `${id}-r`, title: "Role", countryId: "US", from: "2025-05", to: "2025-02", sources: [ref()] }],
        relations: [{ kind: "adviser-to", toPersonId: id, sources: [ref()] }],
      }),
    });
    expect(rules.createPerson.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.roles.0.from", "INVERTED_RANGE"],
      ["input.relations.0.toPersonId", "INVALID"],
    ]);
    const taken = await write(CREATE_PERSON, {
      input: person(id, { roles: [{ id: "witkoff-us-special-envoy", title: "Envoy", countryId: "US", sources: [ref()] }] }),
    });
    expect(taken.createPerson.errors).toEqual([{ field: ["input", "roles", "0", "id"], code: "CONFLICT", message: expect.stringContaining("steve-witkoff") }]);
    const badSlug = await write(CREATE_PERSON, { input: { id: "Not A Slug", name: "X" } });
    expect(badSlug.createPerson.errors).toEqual([{ field: ["input", "id"], code: "INVALID", message: expect.stringContaining("slug") }]);
    const refs = await write(CREATE_PERSON, {
      input: person(id, { countryIds: ["XX"], roles: [{ id: `${id}-r`, title: "Role", organizationId: `no-org`, sources: [ref(`no-source`)] }] }),
    });
    expect(refs.createPerson.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.countryIds.0", "UNKNOWN_REFERENCE"],
      ["input.roles.0.organizationId", "UNKNOWN_REFERENCE"],
      ["input.roles.0.sources.0.sourceId", "UNKNOWN_REFERENCE"],
    ]);
    expect((await read(`query($id: ID!) { person(id: $id) { id } }`, { id })).person).toBeNull();
  });
});

describe("meetings and claims", () => {
  it("creates a meeting with participants, place and a duration claim; repeating it duplicates nothing", async () => {
    const [a, b, m] = [testId("person"), testId("person"), testId("meeting")];
    await createPeople(a, b);
    const first = (await write(CREATE_MEETING, { input: meetingInput(m, [a, b]) })).createMeeting;
    expect(first.errors).toEqual([]);
    expect(first.meeting).toMatchObject({
      id: m,
      date: "2025-06-01",
      datePrecision: "DAY",
      place: { id: "kremlin" },
      duration: { minutes: 180, wording: "three-hour", source: { id: "dawat-004" } },
    });
    expect(first.meeting.participants.map((p: any) => p.person.id).sort()).toEqual([a, b].sort());
    const again = (await write(CREATE_MEETING, { input: meetingInput(m, [a, b]) })).createMeeting;
    expect(again).toEqual(first);
    expect(again.meeting.claims.map((c: any) => c.id).sort()).toEqual([`${m}#claim-1`, `${m}#claim-2`, `${m}#duration-1`]);
  });

  it("validates a meeting: bad date, inverted bounds and times, unknown references, missing date claim", async () => {
    const m = testId("meeting");
    const data = await write(CREATE_MEETING, {
      input: meetingInput(m, ["steve-witkoff", testId("nobody")], {
        date: "2025-02-30",
        startsAt: "2025-06-01T12:00:00+03:00",
        endsAt: "2025-06-01T11:00:00+03:00",
        durations: [{ sourceId: "dawat-004", excerpt: "x", wording: "x", minutes: 100, minMinutes: 200, maxMinutes: 150, approximate: true }],
      }),
    });
    expect(data.createMeeting).toEqual({
      meeting: null,
      errors: [{ field: ["input", "date"], code: "INVALID_DATE", message: expect.stringContaining("2025-02-30") }],
    });
    const rules = await write(CREATE_MEETING, {
      input: meetingInput(m, ["steve-witkoff", testId("nobody")], {
        startsAt: "2025-06-01T12:00:00+03:00",
        endsAt: "2025-06-01T11:00:00+03:00",
        durations: [{ sourceId: "dawat-004", excerpt: "x", wording: "x", minutes: 100, minMinutes: 200, maxMinutes: 150, approximate: true }],
      }),
    });
    expect(rules.createMeeting.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.endsAt", "INVERTED_RANGE"],
      ["input.durations.0", "INVERTED_RANGE"],
      ["input.durations.0", "INVERTED_RANGE"],
    ]);
    // References are checked in the transaction, once the input is consistent.
    const refs = await write(CREATE_MEETING, { input: meetingInput(m, ["steve-witkoff", `nobody`], { placeId: "atlantis", topicIds: ["no-topic"] }) });
    expect(refs.createMeeting.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.placeId", "UNKNOWN_REFERENCE"],
      ["input.topicIds.0", "UNKNOWN_REFERENCE"],
      ["input.participants.1.personId", "UNKNOWN_REFERENCE"],
    ]);
    const noDate = await write(CREATE_MEETING, {
      input: meetingInput(m, ["steve-witkoff"], { claims: [{ field: "place", value: "kremlin", sourceId: "dawat-004", excerpt: "x" }] }),
    });
    expect(noDate.createMeeting.errors).toEqual([{ field: ["input", "claims"], code: "MISSING_CLAIM", message: expect.any(String) }]);
  });

  it("validates: a participant twice, two preferred durations, a zero duration, a place without its claim", async () => {
    const m = testId("meeting");
    const duration = { sourceId: "dawat-004", excerpt: "x", wording: "x", minutes: 60, approximate: true, preferred: true };
    const data = await write(CREATE_MEETING, {
      input: meetingInput(m, ["steve-witkoff", "steve-witkoff"], { durations: [duration, { ...duration, sourceId: "article-000", minutes: 0 }] }),
    });
    expect(data.createMeeting.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.participants.1.personId", "DUPLICATE"],
      ["input.durations.1.minutes", "INVALID"],
      ["input.durations", "INVALID"],
    ]);
    const noPlaceClaim = await write(CREATE_MEETING, {
      input: meetingInput(m, ["steve-witkoff"], { claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "x" }] }),
    });
    expect(noPlaceClaim.createMeeting.errors).toEqual([{ field: ["input", "claims"], code: "MISSING_CLAIM", message: expect.stringContaining("place") }]);
    const claimTwice = { field: "wait", value: "none", sourceId: "dawat-004", excerpt: "x" };
    const twice = await write(ATTACH, { input: { meetingId: "2025-02-11-putin-witkoff-moscow", claims: [claimTwice, claimTwice] } });
    expect(twice.attachClaims.errors).toEqual([{ field: ["input", "claims", "1"], code: "DUPLICATE", message: expect.any(String) }]);
  });

  it("writes nothing when part of a mutation fails: a meeting whose second participant is unknown", async () => {
    const [a, m] = [testId("person"), testId("meeting")];
    await createPeople(a);
    const data = await write(CREATE_MEETING, { input: meetingInput(m, [a, testId("nobody")]) });
    expect(data.createMeeting.errors).toEqual([
      { field: ["input", "participants", "1", "personId"], code: "UNKNOWN_REFERENCE", message: expect.stringContaining("unknown person") },
    ]);
    const after = await read(`query($m: ID!, $a: ID!) { meeting(id: $m) { id } person(id: $a) { meetings { totalCount } } }`, { m, a });
    expect(after).toEqual({ meeting: null, person: { meetings: { totalCount: 0 } } });
    const { auditLog } = await write(`query($m: ID!) { auditLog(entityId: $m) { totalCount } }`, { m }, BOB);
    expect(auditLog.totalCount).toBe(0);
  });

  it("updates a meeting: fields, place, participants added and removed, claims attached", async () => {
    const [a, b, c, m] = [testId("person"), testId("person"), testId("person"), testId("meeting")];
    await createPeople(a, b, c);
    await write(CREATE_MEETING, { input: meetingInput(m, [a, b]) });
    const data = await write(UPDATE_MEETING, {
      input: {
        id: m,
        title: "Renamed meeting",
        placeId: "moscow",
        addParticipants: [{ personId: c, sources: [ref()] }],
        removeParticipantIds: [b],
        claims: [{ field: "place", value: "moscow", sourceId: "article-000", excerpt: "[test] in Moscow" }],
      },
    });
    expect(data.updateMeeting.errors).toEqual([]);
    expect(data.updateMeeting.meeting).toMatchObject({ title: "Renamed meeting", place: { id: "moscow" }, duration: { minutes: 180 } });
    expect(data.updateMeeting.meeting.participants.map((p: any) => p.person.id).sort()).toEqual([a, c].sort());
    const unknown = await write(UPDATE_MEETING, { input: { id: testId("nothing"), title: "x" } });
    expect(unknown.updateMeeting.errors[0]).toMatchObject({ field: ["input", "id"], code: "NOT_FOUND" });
  });

  it("attaches duration claims from other sources; a preferred one becomes Meeting.duration; a second one from a source is refused", async () => {
    const [a, m] = [testId("person"), testId("meeting")];
    await createPeople(a);
    await write(CREATE_MEETING, { input: meetingInput(m, [a]) });
    const about = {
      sourceId: "article-000",
      excerpt: "[test] about four hours",
      wording: "about four hours",
      minutes: 240,
      minMinutes: 210,
      maxMinutes: 270,
      approximate: true,
      preferred: true,
    };
    const data = await write(ATTACH, { input: { meetingId: m, durations: [about] } });
    expect(data.attachClaims).toEqual({
      meeting: {
        duration: { minutes: 240, wording: "about four hours", source: { id: "article-000" } },
        claims: [
          { id: `${m}#duration-1`, value: "180", preferred: false, source: { id: "dawat-004" } },
          { id: `${m}#duration-2`, value: "240", preferred: true, source: { id: "article-000" } },
        ],
      },
      errors: [],
    });
    expect((await write(ATTACH, { input: { meetingId: m, durations: [about] } })).attachClaims).toEqual(data.attachClaims);
    const conflicting = await write(ATTACH, { input: { meetingId: m, durations: [{ ...about, wording: "nearly five hours" }] } });
    expect(conflicting.attachClaims.errors).toEqual([{ field: ["input", "durations", "0", "sourceId"], code: "DUPLICATE", message: expect.any(String) }]);
    const filtered = await read(
      `query($m: ID!) { meetings(filter: {participantIds: [$m], minDurationMinutes: 200}) { totalCount } meeting(id: $m) { duration { minutes } } }`,
      { m },
    );
    expect(filtered.meeting.duration.minutes).toBe(240);
  });

  it("attaches another source to an attendance already recorded", async () => {
    const [a, b, m] = [testId("person"), testId("person"), testId("meeting")];
    await createPeople(a, b);
    await write(CREATE_MEETING, { input: meetingInput(m, [a]) });
    const more = { attendances: [{ personId: a, sources: [ref("article-000"), ref()] }] };
    const data = await write(
      `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) {
      meeting { participants { person { id } sources { source { id } } } } errors { field code message } } }`,
      { input: { meetingId: m, ...more } },
    );
    expect(data.attachClaims).toEqual({
      meeting: { participants: [{ person: { id: a }, sources: [{ source: { id: "dawat-004" } }, { source: { id: "article-000" } }] }] },
      errors: [],
    });
    const absent = await write(ATTACH, { input: { meetingId: m, attendances: [{ personId: b, sources: [ref()] }] } });
    expect(absent.attachClaims.errors).toEqual([
      { field: ["input", "attendances", "0", "personId"], code: "NOT_FOUND", message: expect.stringContaining("not a participant") },
    ]);
  });

  it("retracts a claim: kept with who, when and why, hidden from claims and duration", async () => {
    const [a, m] = [testId("person"), testId("meeting")];
    await createPeople(a);
    await write(CREATE_MEETING, { input: meetingInput(m, [a]) });
    const claimId = `${m}#duration-1`;
    const data = await write(RETRACT, { input: { claimId, reason: "The source corrected itself." } });
    expect(data.retractClaim).toEqual({
      claim: { id: claimId, retractedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), retractedBy: "alice", retractionReason: "The source corrected itself." },
      errors: [],
    });
    const again = await write(RETRACT, { input: { claimId, reason: "Another reason." } });
    expect(again.retractClaim.claim).toEqual(data.retractClaim.claim);
    const after = await read(`query($m: ID!) { meeting(id: $m) { duration { minutes wording } claims { id } retractedClaims { id retractedBy } } }`, { m });
    expect(after.meeting).toEqual({
      duration: { minutes: null, wording: null },
      claims: [{ id: `${m}#claim-1` }, { id: `${m}#claim-2` }],
      retractedClaims: [{ id: claimId, retractedBy: "alice" }],
    });
    const missing = await write(RETRACT, { input: { claimId: `${m}#claim-99`, reason: "x" } });
    expect(missing.retractClaim.errors[0]).toMatchObject({ field: ["input", "claimId"], code: "NOT_FOUND" });
    const blank = await write(RETRACT, { input: { claimId, reason: " " } });
    expect(blank.retractClaim.errors).toEqual([{ field: ["input", "reason"], code: "EMPTY", message: "must not be empty" }]);
  });
});

describe("statements and sources", () => {
  it("adds a source, a statement with its wording, and another source's wording", async () => {
    const [src, st] = [testId("source"), testId("statement")];
    const source = await write(CREATE_SOURCE, {
      input: { id: src, title: "A wire report", publishedOn: "2025-06", kind: "news-agency-report", url: "https://example.org/report" },
    });
    expect(source.createSource).toEqual({
      source: {
        id: src,
        title: "A wire report",
        publishedOn: "2025-06",
        datePrecision: "MONTH",
        kind: "news-agency-report",
        url: "https://example.org/report",
      },
      errors: [],
    });
    const input = {
      id: st,
      speakerId: "yuri-ushakov",
      saidOn: "2025-12-03",
      meetingId: "2025-12-02-putin-witkoff-kushner-kremlin",
      quoted: true,
      text: "We talked.",
      wordings: [{ sourceId: "dawat-004", text: "We talked." }],
    };
    const added = await write(ADD_STATEMENT, { input });
    expect(added.addStatement).toEqual({
      statement: {
        id: st,
        text: "We talked.",
        speaker: { id: "yuri-ushakov" },
        meeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
        wordings: [{ text: "We talked.", source: { id: "dawat-004" } }],
      },
      errors: [],
    });
    expect((await write(ADD_STATEMENT, { input })).addStatement).toEqual(added.addStatement);
    const wording = { statementId: st, wording: { sourceId: src, text: "We had a talk." } };
    const more = await write(ADD_WORDING, { input: wording });
    expect(more.addWording.statement.wordings).toEqual([
      { text: "We talked.", source: { id: "dawat-004" } },
      { text: "We had a talk.", source: { id: src } },
    ]);
    expect((await write(ADD_WORDING, { input: wording })).addWording).toEqual(more.addWording);
    const duplicate = await write(ADD_WORDING, { input: { statementId: st, wording: { sourceId: src, text: "Something else." } } });
    expect(duplicate.addWording).toEqual({
      statement: null,
      errors: [{ field: ["input", "wording", "sourceId"], code: "DUPLICATE", message: expect.any(String) }],
    });
    const unknown = await write(ADD_WORDING, { input: { statementId: testId("statement"), wording: { sourceId: src, text: "x" } } });
    expect(unknown.addWording.errors).toEqual([{ field: ["input", "statementId"], code: "NOT_FOUND", message: expect.any(String) }]);
  });

  it("validates statements and sources", async () => {
    const st = testId("statement");
    const data = await write(ADD_STATEMENT, {
      input: {
        id: st,
        speakerId: testId("nobody"),
        quoted: false,
        text: "Not a wording.",
        wordings: [
          { sourceId: "dawat-004", text: "A" },
          { sourceId: "dawat-004", text: "B" },
        ],
      },
    });
    expect(data.addStatement.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.wordings.1.sourceId", "DUPLICATE"],
      ["input.text", "INVALID"],
    ]);
    const refs = await write(ADD_STATEMENT, {
      input: { id: st, speakerId: `nobody`, quoted: false, text: "A", wordings: [{ sourceId: "dawat-004", text: "A" }] },
    });
    expect(refs.addStatement.errors).toEqual([{ field: ["input", "speakerId"], code: "UNKNOWN_REFERENCE", message: expect.any(String) }]);
    const source = await write(CREATE_SOURCE, { input: { id: testId("source"), title: "", publishedOn: "2025-13", kind: "blog", url: "ftp://x" } });
    expect(source.createSource.errors.map((e: any) => [e.field.join("."), e.code])).toEqual([
      ["input.title", "EMPTY"],
      ["input.publishedOn", "INVALID_DATE"],
      ["input.url", "INVALID"],
      ["input.kind", "INVALID"],
    ]);
  });
});

describe("merging people", () => {
  it("moves roles, relations, attendances and statements to the survivor; the old id resolves to the survivor", async () => {
    const [keep, dup, m] = [testId("person"), testId("person"), testId("meeting")];
    await write(CREATE_PERSON, { input: person(keep, { aliases: ["K"] }) });
    await write(CREATE_PERSON, {
      input: person(dup, {
        roles: [{ id: `${dup}-role`, title: "Envoy", countryId: "US", sources: [ref()] }],
        relations: [{ kind: "adviser-to", toPersonId: "donald-trump", sources: [ref()] }],
      }),
    });
    await write(CREATE_MEETING, { input: meetingInput(m, [keep, dup]) });
    await write(ADD_STATEMENT, {
      input: { id: testId("statement"), speakerId: dup, quoted: true, text: "Hello.", wordings: [{ sourceId: "dawat-004", text: "Hello." }] },
    });

    const merged = await write(MERGE, { input: { survivorId: keep, mergedId: dup } });
    expect(merged.mergePeople).toEqual({ person: { id: keep, name: `Test Person ${keep}`, aliases: ["K", `Test Person ${dup}`] }, errors: [] });
    const after = await read(
      `query($old: ID!, $m: ID!) {
        person(id: $old) { id roles { id } relations { kind person { id } } statements { totalCount } meetings { totalCount } }
        meeting(id: $m) { participants { person { id } } }
      }`,
      { old: dup, m },
    );
    expect(after.person).toEqual({
      id: keep,
      roles: [{ id: `${dup}-role` }],
      relations: [{ kind: "adviser-to", person: { id: "donald-trump" } }],
      statements: { totalCount: 1 },
      meetings: { totalCount: 1 },
    });
    expect(after.meeting.participants).toEqual([{ person: { id: keep } }]);
    expect((await write(MERGE, { input: { survivorId: keep, mergedId: dup } })).mergePeople).toEqual(merged.mergePeople);
    const self = await write(MERGE, { input: { survivorId: keep, mergedId: keep } });
    expect(self.mergePeople.errors[0]).toMatchObject({ field: ["input", "mergedId"], code: "INVALID" });
    const reuse = await write(CREATE_PERSON, { input: person(dup) });
    expect(reuse.createPerson.errors).toEqual([{ field: ["input", "id"], code: "CONFLICT", message: expect.stringContaining(`merged into "${keep}"`) }]);
    const stale = await write(UPDATE_MEETING, { input: { id: m, addParticipants: [{ personId: dup, sources: [ref()] }] } });
    expect(stale.updateMeeting.errors).toEqual([
      {
        field: ["input", "addParticipants", "0", "personId"],
        code: "UNKNOWN_REFERENCE",
        message: `unknown person "${dup}" (it was merged into "${keep}": use that id)`,
      },
    ]);
    const unknown = await write(MERGE, { input: { survivorId: keep, mergedId: testId("nobody") } });
    expect(unknown.mergePeople.errors).toEqual([{ field: ["input", "mergedId"], code: "UNKNOWN_REFERENCE", message: expect.any(String) }]);
  });
});

describe("concurrent writes", () => {
  it("two merges of the same people at once leave one person, with every relationship", async () => {
    const [keep, dup, m1, m2] = [testId("person"), testId("person"), testId("meeting"), testId("meeting")];
    await createPeople(keep, dup);
    await write(CREATE_MEETING, { input: meetingInput(m1, [dup]) });
    await write(CREATE_MEETING, { input: meetingInput(m2, [keep, dup]) });
    const results = await Promise.all([
      api.query(MERGE, { input: { survivorId: keep, mergedId: dup } }, ALICE),
      api.query(MERGE, { input: { survivorId: keep, mergedId: dup } }, ALICE),
      api.query(MERGE, { input: { survivorId: dup, mergedId: keep } }, ALICE),
    ]);
    for (const res of results) expect(res.errors).toBeUndefined();
    const survivors = new Set(results.map((r) => r.data!.mergePeople.person.id));
    expect(survivors.size).toBe(1);
    const [survivor] = [...survivors] as [string];
    const after = await read(
      `query($a: ID!, $b: ID!, $m2: ID!) {
        a: person(id: $a) { id meetings { totalCount } }
        b: person(id: $b) { id }
        m2: meeting(id: $m2) { participants { person { id } } }
      }`,
      { a: keep, b: dup, m2 },
    );
    expect(after.a).toEqual({ id: survivor, meetings: { totalCount: 2 } });
    expect(after.b).toEqual({ id: survivor });
    expect(after.m2.participants).toEqual([{ person: { id: survivor } }]);
    const rows = await api.db.read<{ count: number }>("test.people", "MATCH (p:Person) WHERE p.id IN $ids RETURN count(p) AS count", { ids: [keep, dup] });
    expect(Number(rows[0]?.count)).toBe(1);
  });

  it("the same new meeting sent twice at once is written once", async () => {
    const [a, m] = [testId("person"), testId("meeting")];
    await createPeople(a);
    const results = await Promise.all([1, 2].map(() => api.query(CREATE_MEETING, { input: meetingInput(m, [a]) }, ALICE)));
    for (const res of results) expect(res.data?.createMeeting.errors).toEqual([]);
    const rows = await api.db.read<{ meetings: number; claims: number; attended: number }>(
      "test.meeting",
      "MATCH (m:Meeting {id: $m}) RETURN count(DISTINCT m) AS meetings, COUNT { (m)-->(:Claim) } AS claims, COUNT { (:Person)-[:ATTENDED]->(m) } AS attended",
      { m },
    );
    expect(rows.map((r) => [Number(r.meetings), Number(r.claims), Number(r.attended)])).toEqual([[1, 3, 1]]);
  });

  it("two curators editing one meeting at once both keep their changes", async () => {
    const [a, b, c, m] = [testId("person"), testId("person"), testId("person"), testId("meeting")];
    await createPeople(a, b, c);
    await write(CREATE_MEETING, { input: meetingInput(m, [a]) });
    const results = await Promise.all([
      api.query(UPDATE_MEETING, { input: { id: m, addParticipants: [{ personId: b, sources: [ref()] }], title: "Edited by one" } }, ALICE),
      api.query(
        UPDATE_MEETING,
        {
          input: {
            id: m,
            addParticipants: [{ personId: c, sources: [ref()] }],
            claims: [{ field: "wait", value: "none", sourceId: "article-000", excerpt: "[test]" }],
          },
        },
        ALICE,
      ),
    ]);
    for (const res of results) expect(res.data?.updateMeeting.errors).toEqual([]);
    const { meeting } = await read(`query($m: ID!) { meeting(id: $m) { title participants { person { id } } claims { field } } }`, { m });
    expect(meeting.title).toBe("Edited by one");
    expect(meeting.participants.map((p: any) => p.person.id).sort()).toEqual([a, b, c].sort());
    expect(meeting.claims.map((x: any) => x.field).sort()).toEqual(["date", "duration", "place", "wait"]);
  });
});

describe("the audit trail", () => {
  it("records who changed what, newest first, filtered by actor and entity", async () => {
    const id = testId("person");
    await write(CREATE_PERSON, { input: person(id) });
    await write(UPDATE_PERSON, { input: { id, name: "Audited" } });
    const { auditLog } = await write(
      `query($id: ID!) { auditLog(entityId: $id, actor: "alice", first: 10) { totalCount edges { node { actor via mutation entityIds input at } } } }`,
      { id },
      BOB,
    );
    expect(auditLog.totalCount).toBe(2);
    expect(auditLog.edges.map((e: any) => e.node.mutation)).toEqual(["updatePerson", "createPerson"]);
    expect(auditLog.edges[0].node).toMatchObject({ actor: "alice", via: "api-key", entityIds: [id] });
    expect(JSON.parse(auditLog.edges[0].node.input)).toEqual({ id, name: "Audited" });
  });
});

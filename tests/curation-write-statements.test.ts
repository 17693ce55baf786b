/**
 * What a curation write costs the database (issue 24): the Cypher statements behind each answer
 * (`extensions.cypherRoundTrips`), whatever the size of the input. A write takes its locks and reads
 * what it checks in one statement, writes everything with its audit entry in one more, and the
 * answer reads the written object back, unless the write read it (createMeeting's, attachClaims').
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const KEY = "write-statements-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${createHash("sha256").update(KEY).digest("hex")}`)] });
cleanUpAfterAll(api);

/** The locks with the one read, the one write (with the audit entry), the answer's read. */
const STATEMENTS_PER_WRITE = 3;
/** A meeting's write (createMeeting, attachClaims) also reads its answer and what its events need. */
const STATEMENTS_PER_MEETING_WRITE = 2;

const ref = (sourceId = "dawat-004") => ({ sourceId, excerpt: "[test] an excerpt" });

async function mutate(field: string, type: string, selection: string, input: Record<string, unknown>) {
  const res = await api.query(`mutation($input: ${type}!) { ${field}(input: $input) { ${selection} errors { code field } } }`, { input }, KEY);
  expect(res.errors).toBeUndefined();
  expect(res.data![field].errors).toEqual([]);
  return { answer: res.data![field], statements: res.extensions!.cypherRoundTrips! };
}

const createPerson = (id: string, extra: Record<string, unknown> = {}) =>
  mutate("createPerson", "PersonInput", "person { id }", { id, name: `Test Person ${id}`, ...extra });
const createMeeting = (id: string, participantIds: string[]) =>
  mutate("createMeeting", "MeetingInput", "meeting { id }", {
    id,
    kind: "talks",
    title: `Test meeting ${id}`,
    date: "2025-06-01",
    participants: participantIds.map((personId) => ({ personId, sources: [ref()] })),
    claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
  });

async function meeting(id: string, selection: string) {
  const res = await api.query(`query($id: ID!) { meeting(id: $id) { ${selection} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.meeting;
}

describe("statements per curation write", () => {
  it(`createMeeting: a new meeting with participants and its date claim in ${STATEMENTS_PER_MEETING_WRITE} statements`, async () => {
    const [a, b, m] = [testId("person"), testId("person"), testId("meeting")];
    await createPerson(a);
    await createPerson(b);
    const { answer, statements } = await createMeeting(m, [a, b]);
    expect(answer.meeting).toEqual({ id: m });
    expect(statements).toBeLessThanOrEqual(STATEMENTS_PER_MEETING_WRITE);
    expect(await meeting(m, "participants { person { id } } claims { field }")).toEqual({
      participants: expect.arrayContaining([{ person: { id: a } }, { person: { id: b } }]),
      claims: [{ field: "date" }],
    });
  });

  it(`attachClaims: claims, a duration and an attendance's source on a stored meeting in ${STATEMENTS_PER_MEETING_WRITE} statements, however many`, async () => {
    const [a, m] = [testId("person"), testId("meeting")];
    await createPerson(a);
    await createMeeting(m, [a]);
    const one = await mutate("attachClaims", "AttachClaimsInput", "meeting { id }", {
      meetingId: m,
      claims: [{ field: "outcome", value: "Agreed", sourceId: "dawat-004", excerpt: "[test] agreed" }],
    });
    expect(one.statements).toBeLessThanOrEqual(STATEMENTS_PER_MEETING_WRITE);
    expect(await meeting(m, 'claims(field: "outcome") { value }')).toEqual({ claims: [{ value: "Agreed" }] });

    const many = await mutate("attachClaims", "AttachClaimsInput", "meeting { id }", {
      meetingId: m,
      claims: ["Postponed", "Cancelled", "Resumed"].map((value) => ({ field: "outcome", value, sourceId: "article-000", excerpt: `[test] ${value}` })),
      durations: [{ sourceId: "article-000", excerpt: "[test] two hours", wording: "two hours", figureMinutes: 120, granularityMinutes: 60, bound: "AROUND" }],
      attendances: [{ personId: a, sources: [ref("article-000")] }],
    });
    expect(many.statements).toBeLessThanOrEqual(STATEMENTS_PER_MEETING_WRITE);
    expect(await meeting(m, 'duration { minutes } claims(field: "outcome") { value } participants { sources { source { id } } }')).toEqual({
      duration: { minutes: 120 },
      claims: ["Agreed", "Postponed", "Cancelled", "Resumed"].map((value) => ({ value })),
      participants: [{ sources: [{ source: { id: "dawat-004" } }, { source: { id: "article-000" } }] }],
    });
  });

  it(`mergePeople: a person who attended meetings and has relations merged in ${STATEMENTS_PER_WRITE} statements`, async () => {
    const [survivor, merged, friend, m1, m2] = [testId("person"), testId("person"), testId("person"), testId("meeting"), testId("meeting")];
    await createPerson(survivor);
    await createPerson(friend);
    await createPerson(merged, { relations: [{ kind: "colleague", toPersonId: friend, sources: [ref()] }] });
    await createMeeting(m1, [survivor, merged]);
    await createMeeting(m2, [merged]);
    const { answer, statements } = await mutate("mergePeople", "MergePeopleInput", "person { id }", { survivorId: survivor, mergedId: merged });
    expect(answer.person).toEqual({ id: survivor });
    expect(statements).toBeLessThanOrEqual(STATEMENTS_PER_WRITE);
    const after = await api.query(`query($id: ID!) { person(id: $id) { id meetings { totalCount } relations { person { id } } } }`, { id: merged });
    expect(after.data!.person).toEqual({ id: survivor, meetings: { totalCount: 2 }, relations: [{ person: { id: friend } }] });
  });
});

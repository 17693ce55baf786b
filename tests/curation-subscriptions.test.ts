/**
 * Issue 23, subscriptions: a subscriber over WebSocket (graphql-ws's own client) sees what HTTP
 * mutations commit, with what changed, and nothing of a write that was refused and rolled back.
 */
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { connect, subscribe, untilListening, type TestClient } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const WRITER = "subscriptions-writer-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${sha256(WRITER)}`)] });
cleanUpAfterAll(api);

async function write(query: string, input: Record<string, unknown>) {
  const res = await api.query(query, { input }, WRITER);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { errors: { code: string }[] } & Record<string, any>;
}

const CREATE_PERSON = `mutation($input: PersonInput!) { createPerson(input: $input) { errors { code } } }`;
const MERGE = `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { errors { code } } }`;
const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code } } }`;
const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { errors { code } } }`;
const ATTACH = `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { claims { id field value } } errors { code } } }`;
const RETRACT = `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { errors { code } } }`;

const MEETING_CHANGED = `subscription($id: ID!) { meetingChanged(id: $id) {
  meetingId change mutation actor at claimIds statementIds personIds
  meeting { id title claims { id field value } retractedClaims { id retractionReason } } } }`;
const PERSON_CHANGED = `subscription($id: ID!) { personChanged(id: $id) { personId change mutation mergedIds person { id aliases } mergedInto { id } } }`;
const CLAIM_ADDED = `subscription($filter: ClaimFilter) { claimAdded(filter: $filter) { claimId field mutation claim { id value source { id } } meeting { id } source { id } } }`;

const claim = (field: string, value: string, sourceId = "dawat-004") => ({ field, value, sourceId, excerpt: `[test] ${field} ${value}` });
const personA = testId("person");
const personB = testId("person");
const meetingId = testId("meeting");
const otherMeetingId = testId("meeting");
let subscriber: TestClient;

beforeAll(async () => {
  for (const id of [personA, personB]) expect((await write(CREATE_PERSON, { id, name: `Test ${id}` })).errors).toEqual([]);
  const created = await write(CREATE_MEETING, {
    id: meetingId,
    kind: "talks",
    title: "Subscribed meeting",
    date: "2025-06-01",
    participants: [{ personId: personA, sources: [{ sourceId: "dawat-004", excerpt: "[test] attended" }] }],
    claims: [claim("date", "2025-06-01")],
  });
  expect(created.errors).toEqual([]);
  subscriber = connect(api);
  await subscriber.connected;
});
afterAll(() => subscriber?.client.dispose());

/** The test's subscriptions: each test ends them all (stopAll) before the next begins. */
const open: { dispose(): void }[] = [];

/** Subscribes and waits until the service listens for it, so the next write's event cannot be missed. */
async function listening(query: string, variables: Record<string, unknown>) {
  const subscription = subscribe(subscriber.client, query, variables);
  open.push(subscription);
  await untilListening(api, open.length);
  return subscription;
}

async function stopAll() {
  for (const subscription of open.splice(0)) subscription.dispose();
  await untilListening(api, 0);
}
afterEach(stopAll);

async function nextEvent(subscription: { next(): Promise<any> }, field: string) {
  const delivery = await subscription.next();
  expect(delivery.kind).toBe("next");
  expect(delivery.result.errors).toBeUndefined();
  return delivery.result.data[field];
}

describe("meetingChanged", () => {
  it("sends the meeting after attachClaims, retractClaim and updateMeeting, each with what changed", async () => {
    const subscription = await listening(MEETING_CHANGED, { id: meetingId });
    const attached = await write(ATTACH, { meetingId, claims: [claim("wait", "30")] });
    const waitClaim = attached.meeting.claims.find((c: { field: string }) => c.field === "wait");
    const onAttach = await nextEvent(subscription, "meetingChanged");
    expect(onAttach).toMatchObject({
      meetingId,
      change: "CLAIMS_ATTACHED",
      mutation: "attachClaims",
      actor: "curator",
      claimIds: [waitClaim.id],
      statementIds: [],
      personIds: [],
    });
    expect(onAttach.meeting.claims).toContainEqual({ id: waitClaim.id, field: "wait", value: "30" });
    expect(Date.parse(onAttach.at)).not.toBeNaN();

    await write(RETRACT, { claimId: waitClaim.id, reason: "[test] misread" });
    const onRetract = await nextEvent(subscription, "meetingChanged");
    expect(onRetract).toMatchObject({ change: "CLAIM_RETRACTED", mutation: "retractClaim", claimIds: [waitClaim.id] });
    expect(onRetract.meeting.claims.map((c: { id: string }) => c.id)).not.toContain(waitClaim.id);
    expect(onRetract.meeting.retractedClaims).toContainEqual({ id: waitClaim.id, retractionReason: "[test] misread" });

    await write(UPDATE_MEETING, { id: meetingId, title: "Renamed meeting" });
    const onUpdate = await nextEvent(subscription, "meetingChanged");
    expect(onUpdate).toMatchObject({ change: "UPDATED", mutation: "updateMeeting", meeting: { title: "Renamed meeting" } });
  });

  it("publishes nothing for a mutation that was refused and rolled back", async () => {
    const subscription = await listening(MEETING_CHANGED, { id: meetingId });
    // One good claim and one from a source that does not exist: the whole write is refused.
    const refused = await write(ATTACH, { meetingId, claims: [claim("outcome", "[test] agreed"), claim("wait", "45", "no-such-source")] });
    expect(refused.errors.map((e) => e.code)).toEqual(["UNKNOWN_REFERENCE"]);
    await write(UPDATE_MEETING, { id: meetingId, title: "After the refusal" });
    // Events arrive in commit order: had the refused write published anything, it would come first.
    const first = await nextEvent(subscription, "meetingChanged");
    expect(first).toMatchObject({ change: "UPDATED", meeting: { title: "After the refusal" } });
    expect(first.meeting.claims.map((c: { field: string }) => c.field)).not.toContain("outcome");
  });
});

describe("claimAdded", () => {
  it("sends new claims that match the filter, and not a claim written again unchanged", async () => {
    const waits = await listening(CLAIM_ADDED, { filter: { meetingId, field: "wait" } });
    const byPerson = await listening(CLAIM_ADDED, { filter: { personId: personA, sourceId: "article-000" } });
    const elsewhere = await listening(CLAIM_ADDED, { filter: { meetingId: otherMeetingId } });

    await write(ATTACH, { meetingId, claims: [claim("outcome", "[test] no deal"), claim("wait", "50")] });
    const wait = await nextEvent(waits, "claimAdded");
    expect(wait).toMatchObject({
      field: "wait",
      mutation: "attachClaims",
      claim: { value: "50", source: { id: "dawat-004" } },
      meeting: { id: meetingId },
      source: { id: "dawat-004" },
    });

    // The same claim again keeps its id and adds nothing; a new one from article-000 matches the person's filter.
    await write(ATTACH, { meetingId, claims: [claim("wait", "50"), claim("wait", "55", "article-000")] });
    const next = await nextEvent(waits, "claimAdded");
    expect(next).toMatchObject({ field: "wait", claim: { value: "55", source: { id: "article-000" } } });
    expect(next.claimId).not.toBe(wait.claimId);
    expect(await nextEvent(byPerson, "claimAdded")).toMatchObject({ field: "wait", claim: { value: "55" }, source: { id: "article-000" } });

    // Nothing of those writes matched the other meeting's filter: its first event is this meeting's date claim.
    expect(
      (await write(CREATE_MEETING, { id: otherMeetingId, kind: "talks", title: "Another meeting", date: "2025-06-02", claims: [claim("date", "2025-06-02")] }))
        .errors,
    ).toEqual([]);
    expect(await nextEvent(elsewhere, "claimAdded")).toMatchObject({ field: "date", mutation: "createMeeting", meeting: { id: otherMeetingId } });
  });
});

describe("personChanged", () => {
  it("tells the merged person's subscriber whom they were merged into, and the survivor's whom they absorbed", async () => {
    const merged = await listening(PERSON_CHANGED, { id: personB });
    const survivor = await listening(PERSON_CHANGED, { id: personA });
    const meeting = await listening(MEETING_CHANGED, { id: meetingId });
    expect((await write(MERGE, { survivorId: personA, mergedId: personB })).errors).toEqual([]);

    expect(await nextEvent(merged, "personChanged")).toEqual({
      personId: personB,
      change: "MERGED_INTO",
      mutation: "mergePeople",
      mergedIds: [],
      person: { id: personA, aliases: [`Test ${personB}`] },
      mergedInto: { id: personA },
    });
    expect(await nextEvent(survivor, "personChanged")).toEqual({
      personId: personA,
      change: "ABSORBED",
      mutation: "mergePeople",
      mergedIds: [personB],
      person: { id: personA, aliases: [`Test ${personB}`] },
      mergedInto: null,
    });
    expect(await nextEvent(meeting, "meetingChanged")).toMatchObject({ change: "PARTICIPANT_MERGED", personIds: [personA, personB] });
  });
});

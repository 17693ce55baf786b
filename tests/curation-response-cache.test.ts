/**
 * The response cache (issue 24, RESPONSE_CACHE=on): a repeated query is answered without Neo4j,
 * and no query sent after a write was acknowledged answers from before it: on the instance that
 * wrote, and, with Redis, on any other.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi, type TestApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { random } from "./support/random.js";
import { useRedis } from "./support/redis.js";
import { zipf } from "../bench/zipf.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const CURATOR = "cache-test-curator-key";
const READER = "cache-test-reader-key";
const API_KEYS = [parseApiKey(`curator:write:${sha256(CURATOR)}`), parseApiKey(`reader:read:${sha256(READER)}`)];
const CACHE_ON = { API_KEYS, RESPONSE_CACHE: "on" } as const;

const redis = useRedis();
const api = useApi(CACHE_ON);
const other = useApi({
  ...CACHE_ON,
  get REDIS_URL() {
    return redis.url;
  },
});
const third = useApi({
  ...CACHE_ON,
  get REDIS_URL() {
    return redis.url;
  },
});
cleanUpAfterAll(api);

const ref = { sourceId: "dawat-004", excerpt: "[test] an excerpt" };
const PERSON_PAGE = `query($id: ID!) { person(id: $id) { name meetings { totalCount edges { node { title } } } counterparts { person { name } meetingCount time { minutes } } } }`;
const MEETING_PAGE = `query($id: ID!) { meeting(id: $id) { title duration { minutes } participants { person { name } } claims { field value } } }`;
const TIME_TOGETHER = `query($ids: [ID!]!) { timeTogether(personIds: $ids) { meetingCount time { minutes } } }`;
const PEOPLE = `query($search: String) { people(search: $search, first: 50) { totalCount edges { node { name } } } }`;

async function write(target: TestApi, query: string, input: Record<string, unknown>) {
  const res = await target.query(query, { input }, CURATOR);
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { errors: unknown[] };
  expect(payload.errors).toEqual([]);
}
const createPerson = (target: TestApi, id: string, name = `Cache Person ${id}`) =>
  write(target, `mutation($input: PersonInput!) { createPerson(input: $input) { errors { code message } } }`, { id, name });
const renamePerson = (target: TestApi, id: string, name: string) =>
  write(target, `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code message } } }`, { id, name });
const createMeeting = (target: TestApi, id: string, people: string[], minutes = 60, date = "2025-06-01", claims: { field: string; value: string }[] = []) =>
  write(target, `mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code message } } }`, {
    id,
    kind: "talks",
    title: `Cache meeting ${id}`,
    date,
    participants: people.map((personId) => ({ personId, sources: [ref] })),
    claims: [{ field: "date", value: date }, ...claims].map((claim) => ({ ...claim, sourceId: "dawat-004", excerpt: `[test] ${claim.field}` })),
    durations: [{ sourceId: "dawat-004", excerpt: "[test] an hour or so", wording: `${minutes} minutes`, minutes }],
  });
const updateMeeting = (target: TestApi, input: Record<string, unknown>) =>
  write(target, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { errors { code message } } }`, input);
const mergePeople = (target: TestApi, survivorId: string, mergedId: string) =>
  write(target, `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { errors { code message } } }`, { survivorId, mergedId });
const addStatement = (target: TestApi, id: string, speakerId: string, meetingId: string) =>
  write(target, `mutation($input: StatementInput!) { addStatement(input: $input) { errors { code message } } }`, {
    id,
    speakerId,
    meetingId,
    quoted: false,
    text: `[test] what ${id} says`,
    wordings: [{ sourceId: "dawat-004", text: `[test] what ${id} says` }],
  });

/** The answer's data, and whether it came from the cache (no Cypher ran for it). */
async function read(target: TestApi, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await target.query(query, variables, token);
  expect(res.errors).toBeUndefined();
  return { data: res.data!, cached: res.extensions?.cypherRoundTrips === 0 };
}

/** Reads each page (query and id) once, so that its answer is cached. */
async function readPages(...pages: [query: string, id: string][]) {
  for (const [query, id] of pages) await read(api, query, { id });
}

/**
 * Whether a repeated read comes from the cache within a few tries: an answer is stored off the
 * answer's path, after a Redis round trip, so the very next request may arrive before it is.
 */
async function cachedSoon(target: TestApi, query: string, variables: Record<string, unknown>) {
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await read(target, query, variables)).cached) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe("one instance", () => {
  it("answers a repeated query from the cache, and a person's page after a new meeting, a renamed counterpart and a removed participant from the graph", async () => {
    const [a, b, c] = [testId("person"), testId("person"), testId("person")];
    for (const id of [a, b, c]) await createPerson(api, id);
    const m = testId("meeting");
    await createMeeting(api, m, [a, b]);
    await read(api, PERSON_PAGE, { id: a });
    const again = await read(api, PERSON_PAGE, { id: a });
    expect(again.cached).toBe(true);
    expect(again.data.person.counterparts).toEqual([{ person: { name: `Cache Person ${b}` }, meetingCount: 1, time: { minutes: 60 } }]);

    const m2 = testId("meeting");
    await createMeeting(api, m2, [a, c], 30);
    const afterMeeting = await read(api, PERSON_PAGE, { id: a });
    expect(afterMeeting.cached).toBe(false);
    expect(afterMeeting.data.person.meetings.totalCount).toBe(2);

    // The counterpart's id is not in the answer, only its name: the cache still knows the answer shows it.
    await read(api, PERSON_PAGE, { id: a });
    await renamePerson(api, b, "Renamed Counterpart");
    expect((await read(api, PERSON_PAGE, { id: a })).data.person.counterparts.map((x: any) => x.person.name)).toContain("Renamed Counterpart");

    // c leaves m2: the write names m2, not c, and c's page shows m2 only through a count.
    const COUNT = `query($id: ID!) { person(id: $id) { meetings { totalCount } } }`;
    expect((await read(api, COUNT, { id: c })).data.person.meetings.totalCount).toBe(1);
    expect((await read(api, COUNT, { id: c })).cached).toBe(true);
    await updateMeeting(api, { id: m2, removeParticipantIds: [c] });
    expect((await read(api, COUNT, { id: c })).data.person.meetings.totalCount).toBe(0);
  }, 120_000);

  it("answers a meeting's page after a claim is attached and after one is retracted, and time together after a new meeting", async () => {
    const [a, b] = [testId("person"), testId("person")];
    for (const id of [a, b]) await createPerson(api, id);
    const m = testId("meeting");
    await createMeeting(api, m, [a, b]);
    await read(api, MEETING_PAGE, { id: m });
    await read(api, TIME_TOGETHER, { ids: [a, b] });
    await write(api, `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { errors { code message } } }`, {
      meetingId: m,
      claims: [{ field: "outcome", value: "an agreement", sourceId: "dawat-004", excerpt: "[test] they agreed" }],
    });
    const page = (await read(api, MEETING_PAGE, { id: m })).data.meeting;
    expect(page.claims).toContainEqual({ field: "outcome", value: "an agreement" });

    const CLAIM_IDS = `query($id: ID!) { meeting(id: $id) { claims { id field } } }`;
    const claimId = (await read(api, CLAIM_IDS, { id: m })).data.meeting.claims.find((c: any) => c.field === "outcome").id;
    await write(api, `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { errors { code message } } }`, { claimId, reason: "[test] misread" });
    expect((await read(api, CLAIM_IDS, { id: m })).data.meeting.claims.map((c: any) => c.id)).not.toContain(claimId);

    await createMeeting(api, testId("meeting"), [a, b], 45);
    expect((await read(api, TIME_TOGETHER, { ids: [a, b] })).data.timeTogether).toEqual({ meetingCount: 2, time: expect.objectContaining({ minutes: 105 }) });
  }, 60_000);

  it("finds a new person in a search it answered before, and follows a merge on both people's pages", async () => {
    const marker = `Zyxcache${Date.now()}`;
    const [a, b] = [testId("person"), testId("person")];
    await createPerson(api, a, `${marker} First`);
    expect((await read(api, PEOPLE, { search: marker })).data.people.totalCount).toBe(1);
    await createPerson(api, b, `${marker} Second`);
    expect((await read(api, PEOPLE, { search: marker })).data.people.totalCount).toBe(2);

    const [x] = [testId("person")];
    await createPerson(api, x);
    await createMeeting(api, testId("meeting"), [b, x]);
    await read(api, PERSON_PAGE, { id: a });
    await read(api, PERSON_PAGE, { id: x });
    await write(api, `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { errors { code message } } }`, { survivorId: a, mergedId: b });
    expect((await read(api, PERSON_PAGE, { id: a })).data.person.meetings.totalCount).toBe(1);
    expect((await read(api, PERSON_PAGE, { id: x })).data.person.counterparts.map((c: any) => c.person.name)).toEqual([`${marker} First`]);
  }, 60_000);

  it("keeps the pages of people and meetings a write does not concern, and drops theirs that it does", async () => {
    const [a, b, c, d] = [testId("person"), testId("person"), testId("person"), testId("person")];
    for (const id of [a, b, c, d]) await createPerson(api, id);
    const [m, elsewhere] = [testId("meeting"), testId("meeting")];
    await createMeeting(api, m, [a, b]);
    await createMeeting(api, elsewhere, [c, d]);
    await readPages([PERSON_PAGE, a], [PERSON_PAGE, c], [MEETING_PAGE, elsewhere]);
    await createMeeting(api, testId("meeting"), [a, b], 30);
    expect((await read(api, PERSON_PAGE, { id: c })).cached).toBe(true);
    expect((await read(api, MEETING_PAGE, { id: elsewhere })).cached).toBe(true);
    const page = await read(api, PERSON_PAGE, { id: a });
    expect(page.cached).toBe(false);
    expect(page.data.person.meetings.totalCount).toBe(2);
  }, 60_000);

  it("keeps the pages that show a person only by name when that person joins a meeting elsewhere, and drops them when the person is renamed", async () => {
    const [a, b, c] = [testId("person"), testId("person"), testId("person")];
    for (const id of [a, b, c]) await createPerson(api, id);
    const m = testId("meeting");
    await createMeeting(api, m, [a, b]);
    await readPages([MEETING_PAGE, m], [PERSON_PAGE, a], [PERSON_PAGE, b]);
    // b joins a meeting without a: what hangs from b changes, not b's name, which is all these pages show of b.
    await createMeeting(api, testId("meeting"), [b, c], 30);
    const meetingPage = await read(api, MEETING_PAGE, { id: m });
    expect(meetingPage.cached).toBe(true);
    expect(meetingPage.data.meeting.participants.map((p: any) => p.person.name).sort()).toEqual([`Cache Person ${a}`, `Cache Person ${b}`].sort());
    expect((await read(api, PERSON_PAGE, { id: a })).cached).toBe(true);
    // b's own page shows b's meetings: it is not kept.
    const ownPage = await read(api, PERSON_PAGE, { id: b });
    expect(ownPage.cached).toBe(false);
    expect(ownPage.data.person.meetings.totalCount).toBe(2);

    await renamePerson(api, b, "Renamed Participant");
    const renamed = await read(api, MEETING_PAGE, { id: m });
    expect(renamed.cached).toBe(false);
    expect(renamed.data.meeting.participants.map((p: any) => p.person.name)).toContain("Renamed Participant");
    expect((await read(api, PERSON_PAGE, { id: a })).data.person.counterparts.map((x: any) => x.person.name)).toEqual(["Renamed Participant"]);
  }, 60_000);

  // Answers that show a count, not the members: nothing in them names what the write changed.
  const COUNTERPART_COUNT = `query($id: ID!) { person(id: $id) { counterpartCount } }`;

  it("drops the counterparts of a participant an updated meeting leaves out", async () => {
    const [a, b, c] = [testId("person"), testId("person"), testId("person")];
    for (const id of [a, b, c]) await createPerson(api, id);
    const m = testId("meeting");
    await createMeeting(api, m, [a, b, c]);
    expect((await read(api, COUNTERPART_COUNT, { id: c })).data.person.counterpartCount).toBe(2);
    expect((await read(api, COUNTERPART_COUNT, { id: c })).cached).toBe(true);
    await updateMeeting(api, { id: m, removeParticipantIds: [c] });
    expect((await read(api, COUNTERPART_COUNT, { id: c })).data.person.counterpartCount).toBe(0);
  }, 60_000);

  it("drops the counterparts of everyone who met either of two merged people", async () => {
    const [a, b, x] = [testId("person"), testId("person"), testId("person")];
    for (const id of [a, b, x]) await createPerson(api, id);
    await createMeeting(api, testId("meeting"), [x, a]);
    await createMeeting(api, testId("meeting"), [x, b]);
    expect((await read(api, COUNTERPART_COUNT, { id: x })).data.person.counterpartCount).toBe(2);
    expect((await read(api, COUNTERPART_COUNT, { id: x })).cached).toBe(true);
    await mergePeople(api, a, b);
    expect((await read(api, COUNTERPART_COUNT, { id: x })).data.person.counterpartCount).toBe(1);
  }, 60_000);

  it("drops the statements of a speaker and a meeting a statement moves away from", async () => {
    const [a, b] = [testId("person"), testId("person")];
    for (const id of [a, b]) await createPerson(api, id);
    const [m1, m2] = [testId("meeting"), testId("meeting")];
    await createMeeting(api, m1, [a, b]);
    await createMeeting(api, m2, [a, b]);
    const s = testId("statement");
    await addStatement(api, s, a, m1);
    const SAID = `query($id: ID!) { person(id: $id) { statements { totalCount } } }`;
    const MADE_AT = `query($id: ID!) { meeting(id: $id) { statements { text } } }`;
    expect((await read(api, SAID, { id: a })).data.person.statements.totalCount).toBe(1);
    expect((await read(api, MADE_AT, { id: m1 })).data.meeting.statements).toHaveLength(1);
    expect((await read(api, SAID, { id: a })).cached).toBe(true);
    expect((await read(api, MADE_AT, { id: m1 })).cached).toBe(true);
    await addStatement(api, s, b, m2);
    expect((await read(api, SAID, { id: a })).data.person.statements.totalCount).toBe(0);
    expect((await read(api, MADE_AT, { id: m1 })).data.meeting.statements).toEqual([]);
  }, 60_000);

  it("drops the relations of a person another no longer names as related", async () => {
    const [a, b] = [testId("person"), testId("person")];
    await createPerson(api, b);
    await write(api, `mutation($input: PersonInput!) { createPerson(input: $input) { errors { code message } } }`, {
      id: a,
      name: `Cache Person ${a}`,
      relations: [{ kind: "adviser-to", toPersonId: b, sources: [ref] }],
    });
    const RELATIONS = `query($id: ID!) { person(id: $id) { relations { kind direction } } }`;
    expect((await read(api, RELATIONS, { id: b })).data.person.relations).toEqual([{ kind: "adviser-to", direction: "INCOMING" }]);
    expect((await read(api, RELATIONS, { id: b })).cached).toBe(true);
    await write(api, `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code message } } }`, { id: a, relations: [] });
    expect((await read(api, RELATIONS, { id: b })).data.person.relations).toEqual([]);
  }, 60_000);

  it("drops a meeting's conflicts when an earlier meeting of two of its participants is written", async () => {
    const [a, b] = [testId("person"), testId("person")];
    for (const id of [a, b]) await createPerson(api, id);
    const m = testId("meeting");
    await createMeeting(api, m, [a, b], 60, "2025-06-01", [{ field: "record", value: "longest-to-date" }]);
    const CONFLICTS = `query($id: ID!) { meeting(id: $id) { conflicts { field compatible } } }`;
    expect((await read(api, CONFLICTS, { id: m })).data.meeting.conflicts).toEqual([]);
    expect((await read(api, CONFLICTS, { id: m })).cached).toBe(true);
    await createMeeting(api, testId("meeting"), [a, b], 300, "2025-01-01");
    expect((await read(api, CONFLICTS, { id: m })).data.meeting.conflicts).toEqual([{ field: "record", compatible: false }]);
  }, 60_000);

  it("never answers one permission's answer to another", async () => {
    const AUDIT = `{ auditLog(first: 1) { edges { node { mutation } } } }`;
    expect((await read(api, AUDIT, {}, READER)).data.auditLog.edges).toHaveLength(1);
    expect((await read(api, AUDIT, {}, READER)).cached).toBe(true);
    const anonymous = await api.query(AUDIT, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("reports hits, misses and invalidations in /metrics", async () => {
    const text = await (await fetch(new URL("/metrics", api.url))).text();
    expect(text).toMatch(/meetgraph_response_cache_lookups_total\{result="hit"\} [1-9]/);
    expect(text).toMatch(/meetgraph_response_cache_lookups_total\{result="miss"\} [1-9]/);
    expect(text).toMatch(/meetgraph_response_cache_invalidations_total [1-9]/);
    expect(text).toMatch(/meetgraph_response_cache_hit_ratio 0\.\d+/);
  });
});

describe("several instances sharing a Redis", () => {
  it("answers on another instance, right after the write is acknowledged, from after the write", async () => {
    const [a, b] = [testId("person"), testId("person")];
    for (const id of [a, b]) await createPerson(other, id);
    await read(third, PERSON_PAGE, { id: a });
    expect(await cachedSoon(third, PERSON_PAGE, { id: a })).toBe(true);
    await createMeeting(other, testId("meeting"), [a, b]);
    expect((await read(third, PERSON_PAGE, { id: a })).data.person.counterparts).toHaveLength(1);
    await renamePerson(other, b, "Renamed Elsewhere");
    expect((await read(third, PERSON_PAGE, { id: a })).data.person.counterparts[0].person.name).toBe("Renamed Elsewhere");
  });
});

describe("a randomized run: many readers of popular people on two instances sharing a Redis, one write in a hundred", () => {
  it("never answers a query sent after a write was acknowledged with data from before it", async () => {
    const seed = Number(process.env.CACHE_TEST_SEED ?? Date.now() % 100_000);
    const rng = random(seed);
    const people = Array.from({ length: 12 }, () => testId("person"));
    // Each person's name carries how often it was renamed; each write is acknowledged before the next starts.
    const renames = new Map(people.map((id) => [id, 0]));
    // Each person's meeting count after each write that changed it: a read sent after the n-th may answer the n-th or a later one.
    const meetingCounts = new Map(people.map((id) => [id, [0]]));
    const participantsOf = new Map<string, string[]>();
    const nameOf = (id: string) => `Cache Zipf ${id} v${renames.get(id)}`;
    for (const id of people) await createPerson(api, id, nameOf(id));
    const popular = zipf(people.length, 1.1, rng.next);
    const READ = `query($id: ID!) { person(id: $id) { name meetings { totalCount } counterparts { person { name } } } }`;
    // Only a count: the answer shows no meeting and no counterpart, so only the person's own tag can drop it.
    const COUNT = `query($id: ID!) { person(id: $id) { meetings { totalCount } } }`;
    const READERS = 16;
    const READS = 1_200;
    let reads = 0;
    let hits = 0;
    const stale: string[] = [];
    const counted: { id: string; after: number; count: number }[] = [];

    let written = 0;
    async function reader() {
      while (reads < READS) {
        // A write in a hundred reads, however slow the writes are.
        if (reads >= (written + 1) * 100) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        reads++;
        const id = people[popular()]!;
        // What every acknowledged write had made true when this query was sent.
        const renamed = new Map(renames);
        const after = meetingCounts.get(id)!.length - 1;
        const targets = [other, third];
        const { data, cached } = await read(targets[reads % targets.length]!, reads % 2 ? READ : COUNT, { id });
        if (cached) hits++;
        counted.push({ id, after, count: data.person.meetings.totalCount });
        const shown = [data.person.name, ...(data.person.counterparts ?? []).map((c: any) => c.person.name)].filter(Boolean) as string[];
        for (const name of shown) {
          const [, who, version] = /^Cache Zipf (\S+) v(\d+)$/.exec(name)!;
          if (Number(version) < renamed.get(who!)!) stale.push(`${id}: ${name} after rename ${renamed.get(who!)} of ${who}`);
        }
      }
    }
    const changeCount = (id: string, by: number) => meetingCounts.get(id)!.push(meetingCounts.get(id)!.at(-1)! + by);
    async function writer() {
      while (reads < READS) {
        if (reads < written * 100) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        written++;
        const target = rng.pick([other, third]);
        const id = people[popular()]!;
        const crowded = [...participantsOf].filter(([, participants]) => participants.length > 2);
        // In turn: a new meeting of three, someone leaving a meeting, a rename.
        if (written % 3 === 1 && crowded.length > 0) {
          // Preferably a popular person, whose count is likely cached. The write names the meeting, not them.
          const [meetingId, participants] = crowded.find(([, participants]) => participants.includes(id)) ?? rng.pick(crowded);
          const leaving = participants.includes(id) ? id : rng.pick(participants);
          await updateMeeting(target, { id: meetingId, removeParticipantIds: [leaving] });
          participantsOf.set(
            meetingId,
            participants.filter((p) => p !== leaving),
          );
          changeCount(leaving, -1);
        } else if (written % 3 === 2) {
          await renamePerson(target, id, `Cache Zipf ${id} v${renames.get(id)! + 1}`);
          renames.set(id, renames.get(id)! + 1);
        } else {
          const others = people.filter((p) => p !== id);
          const first = rng.pick(others);
          const participants = [id, first, rng.pick(others.filter((p) => p !== first))];
          const meetingId = testId("meeting");
          await createMeeting(target, meetingId, participants);
          participantsOf.set(meetingId, participants);
          for (const p of participants) changeCount(p, 1);
        }
      }
    }
    await Promise.all([writer(), ...Array.from({ length: READERS }, reader)]);
    for (const { id, after, count } of counted) {
      const possible = meetingCounts.get(id)!.slice(after);
      if (!possible.includes(count))
        stale.push(`${id}: ${count} meetings, sent when ${possible[0]} were acknowledged (then ${possible.slice(1).join(", ") || "no change"})`);
    }
    expect(stale, `seed ${seed}`).toEqual([]);
    // Not vacuous: most reads came from the cache.
    expect(hits).toBeGreaterThan(READS / 2);
  }, 240_000);
});

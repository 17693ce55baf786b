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
const CACHE_ON = { API_KEYS, RESPONSE_CACHE: "on", RATE_LIMIT_PER_MINUTE: 0 } as const;

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
const createMeeting = (target: TestApi, id: string, people: string[], minutes = 60) =>
  write(target, `mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code message } } }`, {
    id,
    kind: "talks",
    title: `Cache meeting ${id}`,
    date: "2025-06-01",
    participants: people.map((personId) => ({ personId, sources: [ref] })),
    claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
    durations: [{ sourceId: "dawat-004", excerpt: "[test] an hour or so", wording: "an hour", minutes }],
  });

/** The answer's data, and whether it came from the cache (no Cypher ran for it). */
async function read(target: TestApi, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await target.query(query, variables, token);
  expect(res.errors).toBeUndefined();
  return { data: res.data!, cached: res.extensions?.cypherRoundTrips === 0 };
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
    await write(api, `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { errors { code message } } }`, {
      id: m2,
      removeParticipantIds: [c],
    });
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
    expect((await read(third, PERSON_PAGE, { id: a })).cached).toBe(true);
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
    const meetingsOf = new Map(people.map((id) => [id, 0]));
    const nameOf = (id: string) => `Cache Zipf ${id} v${renames.get(id)}`;
    for (const id of people) await createPerson(api, id, nameOf(id));
    const popular = zipf(people.length, 1.1, rng.next);
    const READ = `query($id: ID!) { person(id: $id) { name meetings { totalCount } counterparts { person { name } } } }`;
    const READERS = 16;
    const READS = 1_200;
    let reads = 0;
    let hits = 0;
    const stale: string[] = [];

    async function reader() {
      while (reads < READS) {
        reads++;
        const id = people[popular()]!;
        // What every acknowledged write had made true when this query was sent.
        const renamed = new Map(renames);
        const meetings = meetingsOf.get(id)!;
        const targets = [other, third];
        const { data, cached } = await read(targets[reads % targets.length]!, READ, { id });
        if (cached) hits++;
        const shown = [data.person.name, ...data.person.counterparts.map((c: any) => c.person.name)] as string[];
        for (const name of shown) {
          const [, who, version] = /^Cache Zipf (\S+) v(\d+)$/.exec(name)!;
          if (Number(version) < renamed.get(who!)!) stale.push(`${id}: ${name} after rename ${renamed.get(who!)} of ${who}`);
        }
        if (data.person.meetings.totalCount < meetings) stale.push(`${id}: ${data.person.meetings.totalCount} meetings after ${meetings} were acknowledged`);
      }
    }
    async function writer() {
      let written = 0;
      while (reads < READS) {
        if (reads < written * 100) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          continue;
        }
        written++;
        const target = rng.pick([other, third]);
        const id = people[popular()]!;
        if (rng.next() < 0.5) {
          await renamePerson(target, id, `Cache Zipf ${id} v${renames.get(id)! + 1}`);
          renames.set(id, renames.get(id)! + 1);
        } else {
          const partner = rng.pick(people.filter((p) => p !== id));
          await createMeeting(target, testId("meeting"), [id, partner]);
          for (const p of [id, partner]) meetingsOf.set(p, meetingsOf.get(p)! + 1);
        }
      }
    }
    await Promise.all([writer(), ...Array.from({ length: READERS }, reader)]);
    expect(stale, `seed ${seed}`).toEqual([]);
    // Not vacuous: most reads came from the cache.
    expect(hits).toBeGreaterThan(READS / 2);
  }, 240_000);
});

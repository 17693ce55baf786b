/**
 * A person's counterparts, with their first and last meetings, read while curators add meetings
 * with that person. Each new meeting is the latest of its pair, so the reads keep meeting a bound
 * whose commit is under way. Neo4j reads committed data, and a statement can reach a meeting
 * through its relationships before the meeting's id is in the index: a bound read again by id then
 * came back empty, and the page failed with "Graph inconsistency: last meeting is missing".
 *
 * COUNTERPARTS_RACE_SECONDS makes the run longer.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const KEY = "counterparts-race-writer-key";
const api = useApi({
  API_KEYS: [parseApiKey(`racer:write:${createHash("sha256").update(KEY).digest("hex")}`)],
});
cleanUpAfterAll(api);

const SECONDS = Number(process.env.COUNTERPARTS_RACE_SECONDS ?? 8);
const WRITERS = 3;
const READERS = 3;
const ref = { sourceId: "dawat-004", excerpt: "[test] in the room" };
const ERRORS = "errors { field code message }";

const COUNTERPARTS = `query($id: ID!) {
  person(id: $id) { counterparts(first: 100) { person { id } firstMeeting { id heldOn } lastMeeting { id heldOn } } }
}`;

describe("counterparts while meetings are added", () => {
  it("always show each counterpart's first and last meeting", { timeout: 120_000 }, async () => {
    const write = async (mutation: string, input: Record<string, unknown>) => {
      const res = await api.query(mutation, { input }, KEY);
      const payload = Object.values(res.data ?? {})[0] as { errors?: unknown[] } | undefined;
      expect(res.errors ?? payload?.errors ?? []).toEqual([]);
    };
    const createPerson = (id: string) =>
      write(`mutation($input: PersonInput!) { createPerson(input: $input) { person { id } ${ERRORS} } }`, { id, name: `Racer ${id}` });
    const anchor = testId("anchor");
    const others = Array.from({ length: 12 }, () => testId("racer"));
    for (const id of [anchor, ...others]) await createPerson(id);

    const until = Date.now() + SECONDS * 1000;
    let day = 0;
    let meetings = 0;
    const writer = async () => {
      while (Date.now() < until) {
        // Later every time: the new meeting is its pair's last one.
        const date = new Date(Date.UTC(2030, 0, 1) + day++ * 86_400_000).toISOString().slice(0, 10);
        const other = others[day % others.length]!;
        await write(`mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { id } ${ERRORS} } }`, {
          id: testId("race"),
          kind: "talks",
          title: `Race on ${date}`,
          date,
          participants: [anchor, other].map((personId) => ({ personId, sources: [ref] })),
          claims: [{ field: "date", value: date, ...ref }],
        });
        meetings++;
      }
    };
    let reads = 0;
    const failures: unknown[] = [];
    const reader = async () => {
      while (Date.now() < until) {
        const res = await api.query(COUNTERPARTS, { id: anchor });
        reads++;
        const rows = (res.data?.person as { counterparts: { firstMeeting: unknown; lastMeeting: unknown }[] } | null)?.counterparts ?? [];
        if (res.errors || rows.some((c) => !c.firstMeeting || !c.lastMeeting)) failures.push(res.errors ?? rows);
      }
    };
    await Promise.all([...Array.from({ length: WRITERS }, writer), ...Array.from({ length: READERS }, reader)]);

    console.log(`[counterparts race] ${meetings} meetings added during ${reads} reads`);
    expect(meetings).toBeGreaterThan(WRITERS);
    expect(reads).toBeGreaterThan(READERS);
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

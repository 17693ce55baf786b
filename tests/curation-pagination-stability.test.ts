/**
 * Pages stay put while the graph changes (issue 22): a client walks a list a few rows at a time,
 * and between its requests curators add rows that sort before and after where it stands, and
 * retract durations that move rows. Every row that was in the list before and is not written
 * meanwhile is seen exactly once, in the list's order. Randomized over the lists' orders, page
 * sizes and where the new rows land; the seed is printed, PAGINATION_SEED=<n> replays a run.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { random } from "./support/random.js";

const KEY = "pagination-curator-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${createHash("sha256").update(KEY).digest("hex")}`)] });
cleanUpAfterAll(api);

const SEED = Number(process.env.PAGINATION_SEED ?? Date.now() % 1_000_000);
const rng = random(SEED);
const ref = { sourceId: "dawat-004", excerpt: "[test] an excerpt" };

async function query(text: string, variables: Record<string, unknown> = {}) {
  const res = await api.query(text, variables, KEY);
  expect(res.errors, `seed ${SEED}`).toBeUndefined();
  return res.data!;
}

interface Row {
  id: string;
  [key: string]: unknown;
}
interface Page {
  edges: { node: Row }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A list as a client pages it: the query takes $first and $after, and `page` finds the connection in its answer. */
interface List {
  name: string;
  query: string;
  page: (data: Record<string, unknown>) => Page;
  /** One write that adds rows to the list (or moves them), given the rows it had before. */
  write: (before: Row[]) => Promise<void>;
}

const MEETING_NODE = "id date duration { minutes }";
const meetingOrder = () => rng.pick(["DATE_ASC", "DATE_DESC", "DURATION_ASC", "DURATION_DESC"]);
const written: { meetingId: string; durationClaimId: string }[] = [];

/**
 * A meeting in the Kremlin with Putin, on the date of a row already in the list and with its
 * duration (or none), so it lands beside it, before or after it by its random id; or, at times,
 * a retraction of an earlier one's duration, which moves it to the unknown durations' end.
 */
async function writeMeeting(before: Row[]) {
  const retractable = written.filter((w) => w.durationClaimId);
  if (retractable.length > 0 && rng.next() < 0.25) {
    const target = rng.pick(retractable);
    const { retractClaim } = await query(`mutation($input: RetractClaimInput!) { retractClaim(input: $input) { errors { code } } }`, {
      input: { claimId: target.durationClaimId, reason: "[test] moves the meeting" },
    });
    target.durationClaimId = "";
    expect(retractClaim.errors, `seed ${SEED}`).toEqual([]);
    return;
  }
  const beside = rng.pick(before) as Row & { date: string; duration: { minutes: number | null } | null };
  const minutes = beside.duration?.minutes ?? null;
  const id = testId("meeting");
  const { createMeeting } = await query(
    `mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { claims(field: "duration") { id } } errors { field code message } } }`,
    {
      input: {
        id,
        kind: "talks",
        title: `Test meeting ${id}`,
        date: beside.date,
        placeId: "kremlin",
        participants: [{ personId: "vladimir-putin", delegationCountryId: "RU", sources: [ref] }],
        claims: [
          { field: "date", value: beside.date, ...ref },
          { field: "place", value: "kremlin", ...ref },
        ],
        durations: minutes === null ? [] : [{ ...ref, wording: `${minutes} minutes`, minutes }],
      },
    },
  );
  expect(createMeeting.errors, `seed ${SEED}`).toEqual([]);
  written.push({ meetingId: id, durationClaimId: createMeeting.meeting.claims[0]?.id ?? "" });
}

const LISTS: (() => List)[] = [
  () => ({
    name: "people by name",
    query: `query($first: Int, $after: String) { list: people(first: $first, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`,
    page: (data) => data.list as Page,
    write: async (before) => {
      const beside = rng.pick(before);
      const id = testId("person");
      const { createPerson } = await query(`mutation($input: PersonInput!) { createPerson(input: $input) { errors { code } } }`, {
        input: { id, name: beside.name },
      });
      expect(createPerson.errors, `seed ${SEED}`).toEqual([]);
    },
  }),
  () => {
    const order = meetingOrder();
    return {
      name: `meetings in the Kremlin, ${order}`,
      query: `query($first: Int, $after: String) { list: meetings(filter: {placeId: "kremlin"}, orderBy: ${order}, first: $first, after: $after) { edges { node { ${MEETING_NODE} } } pageInfo { hasNextPage endCursor } } }`,
      page: (data) => data.list as Page,
      write: writeMeeting,
    };
  },
  () => {
    const order = meetingOrder();
    return {
      name: `Putin's meetings, ${order}`,
      query: `query($first: Int, $after: String) { person(id: "vladimir-putin") { list: meetings(orderBy: ${order}, first: $first, after: $after) { edges { node { ${MEETING_NODE} } } pageInfo { hasNextPage endCursor } } } }`,
      page: (data) => (data.person as { list: Page }).list,
      write: writeMeeting,
    };
  },
  () => ({
    name: "statements by date",
    query: `query($first: Int, $after: String) { list: statements(first: $first, after: $after) { edges { node { id saidOn } } pageInfo { hasNextPage endCursor } } }`,
    page: (data) => data.list as Page,
    write: async (before) => {
      const beside = rng.pick(before);
      const text = `[test] said on ${String(beside.saidOn)}`;
      const { addStatement } = await query(`mutation($input: StatementInput!) { addStatement(input: $input) { errors { code message } } }`, {
        input: {
          id: testId("statement"),
          speakerId: "vladimir-putin",
          saidOn: beside.saidOn,
          quoted: false,
          text,
          wordings: [{ sourceId: "dawat-004", text }],
        },
      });
      expect(addStatement.errors, `seed ${SEED}`).toEqual([]);
    },
  }),
  () => ({
    name: "the audit log, newest first",
    query: `query($first: Int, $after: String) { list: auditLog(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    page: (data) => data.list as Page,
    write: async () => {
      const id = testId("source");
      const { createSource } = await query(`mutation($input: SourceInput!) { createSource(input: $input) { errors { code } } }`, {
        input: { id, title: `Source ${id}`, kind: "article" },
      });
      expect(createSource.errors, `seed ${SEED}`).toEqual([]);
    },
  }),
];

/** Every row of a list, in its order, read in pages of 100. */
async function wholeList(list: List): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after: string | null = null; ;) {
    const page = list.page(await query(list.query, { first: 100, after }));
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

describe("paging while curators write", () => {
  it("skips and repeats no row that was there all along", { timeout: 240_000 }, async () => {
    console.log(`[pagination] seed ${SEED} (PAGINATION_SEED=${SEED} replays it)`);
    // The audit log is empty in a fresh test graph: a few entries to page through.
    for (let i = 0; i < 6; i++) await LISTS[4]!().write([]);
    for (const makeList of LISTS) {
      const list = makeList();
      const before = await wholeList(list);
      const first = 1 + Math.floor(rng.next() * 3);
      const seen: string[] = [];
      for (let after: string | null = null, pages = 0; ; pages++) {
        const page = list.page(await query(list.query, { first, after }));
        seen.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        // Writes between the first few pages; the rest of the list is walked as it then is.
        if (pages < 6) for (let w = 1 + Math.floor(rng.next() * 2); w > 0; w--) await list.write(before);
      }
      const steady = before.map((row) => row.id).filter((id) => !written.some((w) => w.meetingId === id));
      const steadySeen = seen.filter((id) => steady.includes(id));
      expect(steadySeen, `${list.name}, pages of ${first}, seed ${SEED}`).toEqual(steady);
    }
  });
});

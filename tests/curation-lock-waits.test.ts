/**
 * Writes that wait on each other (issue 18): a mutation held up by another transaction's lock
 * past its transaction timeout, or caught in a deadlock, never answers INTERNAL_SERVER_ERROR.
 * The other transaction is opened directly with the driver and holds its lock while the API is asked.
 */
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Session, Transaction } from "neo4j-driver";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi, type TestApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const KEY = "lock-wait-writer-key";
const config = { NODE_ENV: "production" as const, API_KEYS: [parseApiKey(`curator:write:${sha256(KEY)}`)] };
const QUERY_TIMEOUT_MS = 1_500;
// Creates the test meetings: its planner's first run of a statement may take longer than the short timeout below.
const setup = useApi(config);
const api = useApi(config, { queryTimeoutMs: QUERY_TIMEOUT_MS });
cleanUpAfterAll(setup);

const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code } } }`;
const ATTACH = `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { claims(field: "wait") { value } } errors { code } } }`;
const UPDATE = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { title } errors { code } } }`;
const claim = (field: string, value: string) => ({ field, value, sourceId: "dawat-004", excerpt: "[test] an excerpt" });

async function createMeeting(): Promise<string> {
  const id = testId("meeting");
  const res = await setup.query(CREATE_MEETING, { input: { id, kind: "talks", title: "Lock test", date: "2025-06", claims: [claim("date", "2025-06")] } }, KEY);
  expect(res.data?.createMeeting.errors).toEqual([]);
  return id;
}

/** Runs `work` while a transaction of its own holds a write lock on the meeting, then rolls that transaction back. */
async function whileLocked<T>(api: TestApi, meetingId: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const session: Session = api.db.driver.session({ database: api.db.database });
  const tx = session.beginTransaction();
  try {
    await tx.run("MATCH (m:Meeting {id: $id}) SET m.heldByTest = true", { id: meetingId });
    return await work(tx);
  } finally {
    await tx.rollback().catch(() => {});
    await session.close();
  }
}

const mutations = [
  { name: "attachClaims", document: ATTACH, input: (id: string) => ({ meetingId: id, claims: [claim("wait", "40 minutes")] }) },
  { name: "updateMeeting", document: UPDATE, input: (id: string) => ({ id, title: "Lock test, renamed" }) },
];

describe("a mutation waiting on another transaction's lock", () => {
  // Each mutation's statements planned once under the usual timeout, so the short one measures the lock wait alone.
  beforeAll(async () => {
    for (const { document, input } of mutations) expect((await setup.query(document, { input: input(await createMeeting()) }, KEY)).errors).toBeUndefined();
  });

  it.each(mutations)(
    "$name: answers WRITE_CONFLICT, retryable, after the transaction timeout; sent again once the lock is gone, it succeeds",
    async ({ name, document, input }) => {
      const id = await createMeeting();
      const { res, elapsedMs } = await whileLocked(api, id, async () => {
        const started = Date.now();
        const answer = await api.query(document, { input: input(id) }, KEY);
        return { res: answer, elapsedMs: Date.now() - started };
      });
      expect(res.data).toBeNull();
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(/nothing was written; the client may retry/),
          extensions: { code: "WRITE_CONFLICT", retryable: true },
        }),
      ]);
      expect(elapsedMs).toBeGreaterThanOrEqual(QUERY_TIMEOUT_MS);

      const retried = await api.query(document, { input: input(id) }, KEY);
      expect(retried.errors).toBeUndefined();
      expect(retried.data?.[name].errors).toEqual([]);
    },
  );
});

describe("a deadlock between a mutation and another transaction", () => {
  it("is broken by Neo4j and the mutation still succeeds (the driver retries it when it is the one stopped)", async () => {
    const id = await createMeeting();
    const outcome = await whileLocked(setup, id, async (tx) => {
      const mutation = setup.query(UPDATE, { input: { id, title: "Deadlock test" } }, KEY);
      // The mutation holds its curation lock and waits for the meeting; now this transaction asks for that lock.
      await waitUntilBlocked(setup);
      const other = await tx.run("MERGE (l:CurationLock {key: $key}) SET l.heldByTest = true", { key: `Meeting:${id}` }).then(
        () => "went through",
        (error: { code?: string }) => error.code,
      );
      if (other === "went through") await tx.rollback();
      return { res: await mutation, other };
    });
    expect(outcome.other).toMatch(/^(went through|Neo\.TransientError\.Transaction\.DeadlockDetected)$/);
    expect(outcome.res.errors).toBeUndefined();
    expect(outcome.res.data?.updateMeeting).toEqual({ meeting: { title: "Deadlock test" }, errors: [] });
  });
});

/** Until one of the service's transactions waits for a lock. */
async function waitUntilBlocked(api: TestApi): Promise<void> {
  const BLOCKED = "SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.app = 'meetgraph' AND status STARTS WITH 'Blocked' RETURN count(*) AS n";
  for (let attempt = 0; attempt < 100; attempt++) {
    const [row] = await api.db.read<{ n: number }>("test.blocked", BLOCKED);
    if (Number(row?.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the mutation never waited for the lock");
}

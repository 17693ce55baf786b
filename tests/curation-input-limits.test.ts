/**
 * The limits on what curators write (issue 18): the same length limits and date range as the
 * seed files, answered in the payload's errors; values at each limit are stored, including the
 * ids derived from two of them. Before, an id too long for Neo4j's index or a date before the
 * year 1000 failed inside the database as an internal error.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from "../src/model/lengths.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, TEST_PREFIX, testId } from "./support/curation.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const KEY = "input-limits-writer-key";
const api = useApi({ NODE_ENV: "production", API_KEYS: [parseApiKey(`curator:write:${sha256(KEY)}`)] });
cleanUpAfterAll(api);

const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { id title outcome date } errors { field code message } } }`;
const CREATE_SOURCE = `mutation($input: SourceInput!) { createSource(input: $input) { source { id } errors { field code message } } }`;
const ADD_STATEMENT = `mutation($input: StatementInput!) { addStatement(input: $input) { statement { id wordings { text source { id } } } errors { field code message } } }`;

async function write(query: string, input: Record<string, unknown>) {
  const res = await api.query(query, { input }, KEY);
  expect(res.errors).toBeUndefined();
  return Object.values(res.data!)[0] as { errors: { field: string[]; code: string; message: string }[] } & Record<string, any>;
}

const meeting = (extra: Record<string, unknown>) => ({
  id: testId("meeting"),
  kind: "talks",
  title: "Limits test",
  date: "2025-06",
  claims: [{ field: "date", value: "2025-06", sourceId: "dawat-004", excerpt: "[test] in June" }],
  ...extra,
});
/** An id of exactly `length` characters, with the prefix the clean-up looks for. */
const idOfLength = (length: number) => `${TEST_PREFIX}${"i".repeat(length - TEST_PREFIX.length)}`;

describe("dates", () => {
  it.each(["0999", "0000"])("before the year 1000 are refused as INVALID_DATE (%s)", async (date) => {
    const payload = await write(CREATE_MEETING, meeting({ date }));
    expect(payload.meeting).toBeNull();
    expect(payload.errors).toEqual([{ field: ["input", "date"], code: "INVALID_DATE", message: expect.stringContaining("from the year 1000 on") }]);
  });

  it("and date-times before the year 1000 are not DateTimes: BAD_USER_INPUT naming the field", async () => {
    const res = await api.query(CREATE_MEETING, { input: meeting({ startsAt: "0999-01-01T00:00:00Z" }) }, KEY);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/at "input\.startsAt"; DateTime cannot represent "0999-01-01T00:00:00Z": .* from the year 1000 on/),
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
  });
});

describe("lengths", () => {
  it("an id, a name and a text at their limits are stored, and so are the ids derived from two ids", async () => {
    const sourceId = idOfLength(MAX_ID_LENGTH);
    const statementId = idOfLength(MAX_ID_LENGTH).replace(/i$/, "s");
    expect((await write(CREATE_SOURCE, { id: sourceId, title: "n".repeat(MAX_NAME_LENGTH), kind: "article" })).errors).toEqual([]);
    // One unbroken word as long as a text may be: the full-text index takes it too.
    const text = "w".repeat(MAX_TEXT_LENGTH);
    const statement = await write(ADD_STATEMENT, { id: statementId, speakerId: "vladimir-putin", quoted: false, text, wordings: [{ sourceId, text }] });
    expect(statement.errors).toEqual([]);
    expect(statement.statement).toEqual({ id: statementId, wordings: [{ text, source: { id: sourceId } }] });

    const created = await write(CREATE_MEETING, meeting({ title: "t".repeat(MAX_NAME_LENGTH), outcome: "o".repeat(MAX_TEXT_LENGTH) }));
    expect(created.errors).toEqual([]);
    expect(created.meeting.title).toHaveLength(MAX_NAME_LENGTH);
  });

  it("one character more is refused as INVALID, naming the field and the limit, and nothing is written", async () => {
    const tooLongId = idOfLength(MAX_ID_LENGTH + 1);
    const payload = await write(CREATE_MEETING, meeting({ id: tooLongId, title: "t".repeat(MAX_NAME_LENGTH + 1), outcome: "o".repeat(MAX_TEXT_LENGTH + 1) }));
    expect(payload.meeting).toBeNull();
    expect(payload.errors).toEqual([
      { field: ["input", "id"], code: "INVALID", message: expect.stringContaining(`must be at most ${MAX_ID_LENGTH} characters`) },
      { field: ["input", "title"], code: "INVALID", message: expect.stringContaining(`must be at most ${MAX_NAME_LENGTH} characters`) },
      { field: ["input", "outcome"], code: "INVALID", message: expect.stringContaining(`must be at most ${MAX_TEXT_LENGTH} characters`) },
    ]);
    const res = await api.query(`query($id: ID!) { meeting(id: $id) { id } }`, { id: tooLongId });
    expect(res.data).toEqual({ meeting: null });
  });
});

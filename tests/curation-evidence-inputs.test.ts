/**
 * The curation mutations take how each fact is known (issue #19): basis and note, hedge, rank,
 * claimant, duration figures, time estimates, per-wording quote and attribution, a source's
 * publisher organization; and refuse, writing nothing, what the seed validator refuses.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { findViolations } from "../src/db/invariants.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const KEY = "evidence-inputs-writer-key";
const api = useApi({ API_KEYS: [parseApiKey(`ivy:write:${sha256(KEY)}`)] });
cleanUpAfterAll(api);

async function data(query: string, variables: Record<string, unknown> = {}) {
  const res = await api.query(query, variables, KEY);
  expect(res.errors).toBeUndefined();
  return res.data!;
}
const ERRORS = "errors { field code message }";
const mutate = async (mutation: string, inputType: string, input: Record<string, unknown>, selection: string) =>
  (await data(`mutation($input: ${inputType}!) { result: ${mutation}(input: $input) { ${selection} ${ERRORS} } }`, { input })).result;

const createMeeting = (input: Record<string, unknown>) => mutate("createMeeting", "MeetingInput", input, "meeting { id }");
const updateMeeting = (input: Record<string, unknown>) => mutate("updateMeeting", "UpdateMeetingInput", input, "meeting { id }");
const rankClaim = (input: Record<string, unknown>) => mutate("rankClaim", "RankClaimInput", input, "claim { id rank rankReason }");
const addStatement = (input: Record<string, unknown>) => mutate("addStatement", "StatementInput", input, "statement { id }");
const addWording = (input: Record<string, unknown>) => mutate("addWording", "AddWordingInput", input, "statement { id }");
const createSource = (input: Record<string, unknown>) => mutate("createSource", "SourceInput", input, "source { id publishedBy { id } }");

const dateClaim = { field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" };
const meetingInput = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  kind: "talks",
  title: `Test meeting ${id}`,
  date: "2025-06-01",
  claims: [dateClaim],
  ...more,
});

const MEETING = `query($id: ID!) { meeting(id: $id) {
  id dateEnd: date
  began { earliest latest wording basis note source { id } }
  ended { earliest latest wording basis note source { id } }
  duration { minutes minMinutes maxMinutes hedge figureMinutes granularityMinutes bound }
  claims { id field value basis note hedge rank rankReason claimant { id } source { id } duration { minutes minMinutes maxMinutes figureMinutes bound } }
  participants { person { id } sources { source { id } basis note } }
} }`;
const meeting = async (id: string) => (await data(MEETING, { id })).meeting;
const claim = async (meetingId: string, claimId: string) => (await meeting(meetingId)).claims.find((c: { id: string }) => c.id === claimId);

describe("claims carry how they are known", () => {
  it("stores basis, note, hedge, rank and claimant as given, and the defaults when omitted", async () => {
    const id = testId("meeting");
    const claims = [
      dateClaim,
      {
        field: "place",
        value: "kremlin",
        sourceId: "dawat-004",
        excerpt: "[test] talks in Moscow",
        basis: "INFERRED",
        note: "[test] Moscow talks with Putin are held at the Kremlin",
      },
      {
        field: "wait",
        value: "480",
        sourceId: "article-000",
        excerpt: "[test] reportedly kept waiting",
        hedge: "REPORTED",
        rank: "PREFERRED",
        relaysStatementId: "ushakov-talks-constructive",
      },
      {
        field: "outcome",
        value: "inconclusive",
        sourceId: "facts-md",
        excerpt: "[FACTS.md] [test] inconclusive",
        basis: "CURATOR_SUMMARY",
        rank: "DEPRECATED",
        rankReason: "[test] later reports differ",
      },
    ];

    expect((await createMeeting(meetingInput(id, { claims }))).errors).toEqual([]);

    const stored = Object.fromEntries((await meeting(id)).claims.map((c: { field: string }) => [c.field, c]));
    expect(stored.date).toMatchObject({ basis: "STATED", note: null, hedge: "NONE", rank: "NORMAL", rankReason: null, claimant: null });
    expect(stored.place).toMatchObject({ basis: "INFERRED", note: "[test] Moscow talks with Putin are held at the Kremlin" });
    expect(stored.wait).toMatchObject({ hedge: "REPORTED", rank: "PREFERRED", claimant: { id: "yuri-ushakov" } });
    expect(stored.outcome).toMatchObject({ basis: "CURATOR_SUMMARY", rank: "DEPRECATED", rankReason: "[test] later reports differ" });
  });

  it("refuses what the seed validator refuses, naming each field, and writes nothing", async () => {
    const id = testId("meeting");
    const claims = [
      dateClaim,
      { field: "place", value: "kremlin", sourceId: "dawat-004", excerpt: "[test] in Moscow", basis: "INFERRED" },
      { field: "outcome", value: "a", sourceId: "facts-md", excerpt: "[test] no prefix", basis: "CURATOR_SUMMARY" },
      { field: "agenda", value: "b", sourceId: "facts-md", excerpt: "[FACTS.md] [test] summary", basis: "STATED" },
      { field: "timing", value: "c", sourceId: "dawat-004", excerpt: "[test] c", rank: "DEPRECATED" },
    ];

    const result = await createMeeting(meetingInput(id, { claims }));

    expect(result.meeting).toBeNull();
    expect(result.errors.map((e: { field: string[]; code: string }) => [e.field.join("."), e.code]).sort()).toEqual(
      [
        ["input.claims.1.note", "INVALID_BASIS"],
        ["input.claims.2.excerpt", "INVALID_BASIS"],
        ["input.claims.3.excerpt", "INVALID_BASIS"],
        ["input.claims.4.rankReason", "MISSING_REASON"],
      ].sort(),
    );
    expect(await meeting(id)).toBeNull();
  });

  it("refuses a claimant's statement that does not exist", async () => {
    const id = testId("meeting");
    const relayed = { field: "wait", value: "480", sourceId: "dawat-004", excerpt: "[test] waited", relaysStatementId: "ct-no-such-statement" };

    const result = await createMeeting(meetingInput(id, { claims: [dateClaim, relayed] }));

    expect(result.errors).toEqual([
      { field: ["input", "claims", "1", "relaysStatementId"], code: "UNKNOWN_REFERENCE", message: expect.stringMatching(/unknown statement/) },
    ]);
    expect(await meeting(id)).toBeNull();
  });

  it("a preferred claim takes the place of the field's previous one", async () => {
    const id = testId("meeting");
    const wait = (sourceId: string, value: string) => ({ field: "wait", value, sourceId, excerpt: `[test] waited ${value}`, rank: "PREFERRED" });
    await createMeeting(meetingInput(id, { claims: [dateClaim, wait("dawat-004", "480")] }));

    expect((await updateMeeting({ id, claims: [wait("article-000", "0")] })).errors).toEqual([]);

    const ranks = (await meeting(id)).claims
      .filter((c: { field: string }) => c.field === "wait")
      .map((c: { value: string; rank: string }) => [c.value, c.rank]);
    expect(ranks.sort()).toEqual([
      ["0", "PREFERRED"],
      ["480", "NORMAL"],
    ]);
  });
});

describe("durations are given as the figure the words state", () => {
  const nearlyFive = {
    sourceId: "dawat-004",
    excerpt: "[test] nearly five hours",
    wording: "nearly five hours",
    figureMinutes: 300,
    granularityMinutes: 60,
    bound: "UNDER",
    hedge: "APPROXIMATE",
  };

  it("computes the bounds by the rule and keeps the hedge, basis and rank", async () => {
    const id = testId("meeting");

    expect(
      (await createMeeting(meetingInput(id, { durations: [{ ...nearlyFive, basis: "INFERRED", note: "[test] read from the timeline" }] }))).errors,
    ).toEqual([]);

    const stored = await meeting(id);
    expect(stored.duration).toEqual({
      minutes: 285,
      minMinutes: 270,
      maxMinutes: 300,
      hedge: "APPROXIMATE",
      figureMinutes: 300,
      granularityMinutes: 60,
      bound: "UNDER",
    });
    expect(stored.claims.find((c: { field: string }) => c.field === "duration")).toMatchObject({ basis: "INFERRED", hedge: "APPROXIMATE", rank: "PREFERRED" });
  });

  it("refuses old-style bounds and flags that contradict the figure, and a figure the rule cannot read", async () => {
    const id = testId("meeting");
    const durations = [
      { ...nearlyFive, minutes: 300, minMinutes: 270, maxMinutes: 300 },
      { ...nearlyFive, sourceId: "article-000", bound: null },
      {
        ...nearlyFive,
        sourceId: "facts-md",
        excerpt: "[FACTS.md] [test] nearly five hours",
        basis: "CURATOR_SUMMARY",
        approximate: false,
        preferred: true,
        rank: "NORMAL",
      },
    ];

    const result = await createMeeting(meetingInput(id, { durations }));

    expect(result.errors).toEqual([
      {
        field: ["input", "durations", "2", "approximate"],
        code: "CONTRADICTION",
        message: "approximate false contradicts hedge APPROXIMATE; give hedge alone",
      },
      { field: ["input", "durations", "2", "preferred"], code: "CONTRADICTION", message: "preferred true contradicts rank NORMAL; give rank alone" },
      { field: ["input", "durations", "0", "minutes"], code: "CONTRADICTION", message: expect.stringMatching(/gives minutes 285/) },
      { field: ["input", "durations", "1"], code: "INVALID", message: expect.stringMatching(/all set .* or all null/) },
    ]);
    expect(await meeting(id)).toBeNull();
  });
});

describe("rankClaim", () => {
  const duration = (sourceId: string, wording: string, figureMinutes: number) => ({
    sourceId,
    excerpt: `[test] ${wording}`,
    wording,
    figureMinutes,
    granularityMinutes: 60,
    bound: "AROUND",
  });

  it("preferring a duration claim moves the meeting's duration to it and is audited", async () => {
    const id = testId("meeting");
    await createMeeting(meetingInput(id, { durations: [duration("dawat-004", "three hours", 180), duration("article-000", "four hours", 240)] }));
    expect((await meeting(id)).duration.minutes).toBe(180);

    const result = await rankClaim({ claimId: `${id}#duration-2`, rank: "PREFERRED", reason: "[test] the participant's own account" });

    expect(result).toEqual({ claim: { id: `${id}#duration-2`, rank: "PREFERRED", rankReason: "[test] the participant's own account" }, errors: [] });
    expect((await meeting(id)).duration.minutes).toBe(240);
    expect((await claim(id, `${id}#duration-1`)).rank).toBe("NORMAL");
    const { auditLog } = await data(`query($id: ID!) { auditLog(entityId: $id) { edges { node { mutation actor } } } }`, { id: `${id}#duration-2` });
    expect(auditLog.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ mutation: "rankClaim", actor: "ivy" });
  });

  it("deprecating needs a reason, and the only standing duration claim stays preferred", async () => {
    const id = testId("meeting");
    await createMeeting(meetingInput(id, { durations: [duration("dawat-004", "three hours", 180)] }));

    const noReason = await rankClaim({ claimId: `${id}#duration-1`, rank: "DEPRECATED" });
    const only = await rankClaim({ claimId: `${id}#duration-1`, rank: "DEPRECATED", reason: "[test] misread" });
    const missing = await rankClaim({ claimId: `${id}#duration-9`, rank: "NORMAL" });

    expect(noReason.errors).toEqual([{ field: ["input", "reason"], code: "MISSING_REASON", message: expect.any(String) }]);
    expect(only.errors).toEqual([{ field: ["input", "rank"], code: "CONFLICT", message: expect.stringMatching(/only standing duration claim/) }]);
    expect(missing.errors).toEqual([{ field: ["input", "claimId"], code: "NOT_FOUND", message: expect.any(String) }]);
    expect(await claim(id, `${id}#duration-1`)).toMatchObject({ rank: "PREFERRED", rankReason: null });
  });

  it("deprecates a field claim with its reason", async () => {
    const id = testId("meeting");
    await createMeeting(meetingInput(id));

    expect((await rankClaim({ claimId: `${id}#claim-1`, rank: "DEPRECATED", reason: "[test] the wrong month" })).errors).toEqual([]);

    expect(await claim(id, `${id}#claim-1`)).toMatchObject({ rank: "DEPRECATED", rankReason: "[test] the wrong month" });
  });

  it("a rank given by rankClaim stays when the claim is attached again without one", async () => {
    const id = testId("meeting");
    const threeHours = duration("dawat-004", "three hours", 180);
    await createMeeting(meetingInput(id, { durations: [threeHours, duration("article-000", "four hours", 240)] }));
    await rankClaim({ claimId: `${id}#claim-1`, rank: "DEPRECATED", reason: "[test] the wrong month" });
    await rankClaim({ claimId: `${id}#duration-2`, rank: "PREFERRED" });

    expect((await updateMeeting({ id, claims: [dateClaim], durations: [threeHours] })).errors).toEqual([]);

    expect(await claim(id, `${id}#claim-1`)).toMatchObject({ rank: "DEPRECATED", rankReason: "[test] the wrong month" });
    expect((await meeting(id)).duration.minutes).toBe(240);
  });
});

describe("time estimates", () => {
  const pastMidnight = {
    earliest: "2025-06-01T23:30:00+03:00",
    latest: "2025-06-02T02:00:00+03:00",
    wording: "[test] in the small hours",
    sourceId: "dawat-004",
    basis: "INFERRED",
    note: "[test] five hours from 21:00",
  };
  const onDay = async (day: string) =>
    (await data(`query($day: Date!) { meetings(filter: {from: $day, to: $day}, first: 100) { edges { node { id } } } }`, { day })).meetings.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );

  it("a meeting that ran past midnight is stored with its estimate and matches both days", async () => {
    const id = testId("meeting");

    expect(
      (
        await createMeeting(
          meetingInput(id, {
            began: { earliest: "2025-06-01T21:00:00+03:00", latest: "2025-06-01T21:00:00+03:00", sourceId: "dawat-004" },
            ended: pastMidnight,
          }),
        )
      ).errors,
    ).toEqual([]);

    const stored = await meeting(id);
    expect(stored.ended).toEqual({ ...pastMidnight, sourceId: undefined, source: { id: "dawat-004" } });
    expect(stored.began).toMatchObject({ basis: "STATED", note: null, wording: null });
    expect(await onDay("2025-06-01")).toContain(id);
    expect(await onDay("2025-06-02")).toContain(id);
  });

  it("an update sets an estimate; an inverted window or an unknown source is refused", async () => {
    const id = testId("meeting");
    await createMeeting(meetingInput(id));

    const inverted = await updateMeeting({ id, ended: { ...pastMidnight, earliest: pastMidnight.latest, latest: pastMidnight.earliest } });
    const unknown = await updateMeeting({ id, ended: { ...pastMidnight, sourceId: "ct-no-such-source" } });
    expect(inverted.errors).toEqual([{ field: ["input", "ended", "earliest"], code: "INVERTED_RANGE", message: expect.any(String) }]);
    expect(unknown.errors).toEqual([{ field: ["input", "ended", "sourceId"], code: "UNKNOWN_REFERENCE", message: expect.any(String) }]);
    expect((await meeting(id)).ended).toBeNull();

    expect((await updateMeeting({ id, ended: pastMidnight })).errors).toEqual([]);
    expect(await onDay("2025-06-02")).toContain(id);
  });
});

describe("source references", () => {
  it("an attendance's source carries its basis and note, and an inference without its reasoning is refused", async () => {
    const id = testId("meeting");
    const inferred = { sourceId: "dawat-004", excerpt: "[test] the delegation", basis: "INFERRED", note: "[test] by elimination" };

    const refused = await createMeeting(meetingInput(id, { participants: [{ personId: "kirill-dmitriev", sources: [{ ...inferred, note: null }] }] }));
    expect(refused.errors).toEqual([{ field: ["input", "participants", "0", "sources", "0", "note"], code: "INVALID_BASIS", message: expect.any(String) }]);
    expect(await meeting(id)).toBeNull();

    expect((await createMeeting(meetingInput(id, { participants: [{ personId: "kirill-dmitriev", sources: [inferred] }] }))).errors).toEqual([]);
    expect((await meeting(id)).participants).toEqual([
      { person: { id: "kirill-dmitriev" }, sources: [{ source: { id: "dawat-004" }, basis: "INFERRED", note: "[test] by elimination" }] },
    ]);
  });
});

describe("wordings: a quote and a paraphrase per source", () => {
  const WORDINGS = `query($id: ID!) { statement(id: $id) { wordings { id text quoted attributedTo basis note source { id } } } }`;
  const wordings = async (id: string) => (await data(WORDINGS, { id })).statement.wordings;

  it("stores a source's quote and paraphrase side by side, with the speaker as the source names them", async () => {
    const id = testId("statement");
    const quote = { sourceId: "article-000", text: "[test] We are ready" };
    const paraphrase = {
      sourceId: "article-000",
      text: "[test] the Kremlin said it was ready",
      quoted: false,
      attributedTo: "the Kremlin",
      basis: "INFERRED",
      note: "[test] 000 names no one",
    };

    expect((await addStatement({ id, speakerId: "yuri-ushakov", quoted: true, text: quote.text, wordings: [quote, paraphrase] })).errors).toEqual([]);

    expect(await wordings(id)).toEqual(
      expect.arrayContaining([
        { id: `${id}#article-000`, text: quote.text, quoted: true, attributedTo: null, basis: "STATED", note: null, source: { id: "article-000" } },
        {
          id: `${id}#article-000#paraphrase`,
          text: paraphrase.text,
          quoted: false,
          attributedTo: "the Kremlin",
          basis: "INFERRED",
          note: "[test] 000 names no one",
          source: { id: "article-000" },
        },
      ]),
    );
  });

  it("addWording adds a paraphrase beside a source's quote, and refuses a second one", async () => {
    const id = testId("statement");
    const quote = { sourceId: "dawat-004", text: "[test] No compromise yet" };
    await addStatement({ id, speakerId: "yuri-ushakov", quoted: true, text: quote.text, wordings: [quote] });

    const added = await addWording({
      statementId: id,
      wording: { sourceId: "dawat-004", text: "[test] no compromise had been found", quoted: false, attributedTo: "Ushakov" },
    });
    const second = await addWording({ statementId: id, wording: { sourceId: "dawat-004", text: "[test] none found", quoted: false } });
    const secondQuote = await addWording({ statementId: id, wording: { sourceId: "dawat-004", text: "[test] No compromise" } });

    expect(added.errors).toEqual([]);
    expect(second.errors).toEqual([{ field: ["input", "wording", "sourceId"], code: "DUPLICATE", message: expect.stringMatching(/already has a paraphrase/) }]);
    expect(secondQuote.errors).toEqual([{ field: ["input", "wording", "sourceId"], code: "DUPLICATE", message: expect.stringMatching(/already has a quote/) }]);
    expect((await wordings(id)).map((w: { id: string; quoted: boolean; attributedTo: string | null }) => [w.id, w.quoted, w.attributedTo]).sort()).toEqual([
      [`${id}#dawat-004#paraphrase`, false, "Ushakov"],
      [`${id}#dawat-004`, true, null],
    ]);
  });
});

describe("a source's publisher organization", () => {
  const source = (id: string, more: Record<string, unknown> = {}) => ({ id, title: `[test] ${id}`, kind: "article", ...more });

  it("is set by publishedById, kept by an update that does not name it, and must exist", async () => {
    const id = testId("source");

    expect(await createSource(source(id, { publishedById: "cbs" }))).toEqual({ source: { id, publishedBy: { id: "cbs" } }, errors: [] });
    expect(await createSource(source(id, { note: "[test] renamed" }))).toEqual({ source: { id, publishedBy: { id: "cbs" } }, errors: [] });
    expect(await createSource(source(id, { publishedById: "newsmax" }))).toEqual({ source: { id, publishedBy: { id: "newsmax" } }, errors: [] });

    const unknown = await createSource(source(id, { publishedById: "ct-no-such-org" }));
    expect(unknown.errors).toEqual([{ field: ["input", "publishedById"], code: "UNKNOWN_REFERENCE", message: expect.any(String) }]);
    expect((await createSource(source(id))).source.publishedBy).toEqual({ id: "newsmax" });
  });
});

// Last in the file, before the clean-up: everything the tests above wrote keeps the graph's invariants (npm run db:check).
describe("after these mutations", () => {
  it("the graph keeps every invariant of npm run db:check", async () => {
    expect(await findViolations(api.db)).toEqual([]);
  });
});

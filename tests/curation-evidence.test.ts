/**
 * Curation keeps the evidence model whole (issue #19): durations given through the API are stored
 * by the duration rule, the meeting's copies (preferred duration, its hedge, the consensus) follow
 * every claim change, and rewriting a meeting or a statement keeps how each fact is known.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const KEY = "evidence-writer-key";
const api = useApi({ API_KEYS: [parseApiKey(`eve:write:${sha256(KEY)}`)] });
cleanUpAfterAll(api);

async function write(query: string, input: Record<string, unknown>) {
  const res = await api.query(query, { input }, KEY);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

const CREATE_MEETING = `mutation($input: MeetingInput!) { createMeeting(input: $input) { meeting { id } errors { field code message } } }`;
const UPDATE_MEETING = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } errors { field code message } } }`;
const RETRACT = `mutation($input: RetractClaimInput!) { retractClaim(input: $input) { claim { id } errors { field code message } } }`;
const ADD_STATEMENT = `mutation($input: StatementInput!) { addStatement(input: $input) { statement { id } errors { field code message } } }`;
const ADD_WORDING = `mutation($input: AddWordingInput!) { addWording(input: $input) { statement { id } errors { field code message } } }`;

const meetingInput = (id: string, durations: Record<string, unknown>[]) => ({
  id,
  kind: "talks",
  title: `Test meeting ${id}`,
  date: "2025-06-01",
  claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
  durations,
});
const aboutThreeHours = {
  sourceId: "article-000",
  excerpt: "[test] about three hours",
  wording: "about three hours",
  minutes: 180,
  minMinutes: 150,
  maxMinutes: 210,
  approximate: true,
};
const threeHour = {
  sourceId: "dawat-004",
  excerpt: "[test] a three-hour meeting",
  wording: "three-hour",
  minutes: 180,
  minMinutes: 165,
  maxMinutes: 195,
  approximate: false,
  preferred: true,
};

const STORED = `
MATCH (m:Meeting {id: $id})
RETURN m.durationWording AS wording, m.durationHedge AS hedge, m.consensusMinMinutes AS consensusMin, m.consensusMaxMinutes AS consensusMax,
       m.consensusCompatible AS compatible, m.consensusClaimCount AS claimCount,
       [(m)-[:HAS_DURATION]->(d) | d {.id, .wording, .figureMinutes, .granularityMinutes, .bound, .hedge, .rank, .preferred, .basis}] AS claims`;
const stored = async (id: string) => (await api.db.read<Record<string, unknown> & { claims: Record<string, unknown>[] }>("test.stored", STORED, { id }))[0]!;

describe("curating durations keeps the duration rule and the meeting's copies", () => {
  it("stores given bounds as the figure that gives them, and copies the preferred claim's hedge and the consensus", async () => {
    const id = testId("meeting");
    expect((await write(CREATE_MEETING, meetingInput(id, [aboutThreeHours, threeHour]))).createMeeting.errors).toEqual([]);

    const meeting = await stored(id);
    expect(meeting).toMatchObject({ wording: "three-hour", hedge: "NONE", consensusMin: 165, consensusMax: 195, compatible: true, claimCount: 2 });
    expect(meeting.claims).toEqual(
      expect.arrayContaining([
        {
          id: `${id}#duration-1`,
          wording: "about three hours",
          figureMinutes: 180,
          granularityMinutes: 60,
          bound: "AROUND",
          hedge: "APPROXIMATE",
          rank: "NORMAL",
          preferred: false,
          basis: "STATED",
        },
        {
          id: `${id}#duration-2`,
          wording: "three-hour",
          figureMinutes: 180,
          granularityMinutes: 30,
          bound: "AROUND",
          hedge: "NONE",
          rank: "PREFERRED",
          preferred: true,
          basis: "STATED",
        },
      ]),
    );
  });

  it("moves the rank, the hedge and the consensus when the preferred claim is retracted", async () => {
    const id = testId("meeting");
    await write(CREATE_MEETING, meetingInput(id, [aboutThreeHours, threeHour]));

    expect((await write(RETRACT, { claimId: `${id}#duration-2`, reason: "[test] misread" })).retractClaim.errors).toEqual([]);

    const meeting = await stored(id);
    expect(meeting).toMatchObject({ wording: "about three hours", hedge: "APPROXIMATE", consensusMin: 150, consensusMax: 210, claimCount: 1 });
    const ranks = Object.fromEntries(meeting.claims.map((c) => [c.id, c.rank]));
    expect(ranks).toEqual({ [`${id}#duration-1`]: "PREFERRED", [`${id}#duration-2`]: "NORMAL" });
  });

  it("refuses bounds that no figure gives by the rule, naming the duration", async () => {
    const id = testId("meeting");
    const lopsided = { ...aboutThreeHours, minutes: 100, minMinutes: 90, maxMinutes: 200 };

    const { createMeeting } = await write(CREATE_MEETING, meetingInput(id, [lopsided]));

    expect(createMeeting.errors).toEqual([
      { field: ["input", "durations", "0"], code: "INVALID", message: expect.stringMatching(/do not follow the duration rule/) },
    ]);
    expect(createMeeting.meeting).toBeNull();
  });
});

describe("rewriting keeps how each fact is known", () => {
  it("an update of a meeting keeps its time estimates and the days it touched", async () => {
    const id = testId("meeting");
    await write(CREATE_MEETING, meetingInput(id, []));
    await api.db.write(
      "test.estimate",
      `MATCH (m:Meeting {id: $id})
       SET m.endedEarliest = "2025-06-02T00:00:00+03:00", m.endedLatest = "2025-06-02T03:00:00+03:00", m.endedWording = "[test] after midnight",
           m.endedSourceId = "dawat-004", m.endedBasis = "INFERRED", m.endedNote = "[test] read as the small hours", m.dateEnd = date("2025-06-02")`,
      { id },
    );

    expect((await write(UPDATE_MEETING, { id, title: "Renamed test meeting" })).updateMeeting.errors).toEqual([]);

    const [meeting] = await api.db.read(
      "test.read",
      `MATCH (m:Meeting {id: $id}) RETURN m.title AS title, m.endedLatest AS endedLatest, m.endedBasis AS basis, toString(m.dateEnd) AS dateEnd`,
      { id },
    );
    expect(meeting).toEqual({ title: "Renamed test meeting", endedLatest: "2025-06-02T03:00:00+03:00", basis: "INFERRED", dateEnd: "2025-06-02" });
  });

  it("an update of a meeting keeps how each attendance's sources are known", async () => {
    const id = testId("meeting");
    const summary = {
      sourceId: "facts-md",
      excerpt: "[FACTS.md] Putin, Yuri Ushakov, Kirill Dmitriev; Steve Witkoff, Jared Kushner",
      basis: "CURATOR_SUMMARY",
      note: "[test] FACTS.md only",
    };
    const participant = { personId: "kirill-dmitriev", delegationCountryId: "RU", sources: [summary] };
    expect((await write(CREATE_MEETING, { ...meetingInput(id, []), participants: [participant] })).createMeeting.errors).toEqual([]);

    const added = { personId: "steve-witkoff", delegationCountryId: "US", sources: [{ sourceId: "dawat-004", excerpt: "[test] Witkoff was there" }] };
    expect((await write(UPDATE_MEETING, { id, addParticipants: [added] })).updateMeeting.errors).toEqual([]);

    const rows = await api.db.read(
      "test.read",
      `MATCH (p:Person)-[a:ATTENDED]->(:Meeting {id: $id}) RETURN p.id AS person, a.bases AS bases, a.notes AS notes ORDER BY person`,
      { id },
    );
    expect(rows).toEqual([
      { person: "kirill-dmitriev", bases: ["CURATOR_SUMMARY"], notes: ["[test] FACTS.md only"] },
      { person: "steve-witkoff", bases: ["STATED"], notes: [""] },
    ]);
  });

  it("adding a wording keeps how the other wordings name the speaker", async () => {
    const id = testId("statement");
    const statement = {
      id,
      speakerId: "yuri-ushakov",
      quoted: false,
      text: "[test] the talks were useful",
      wordings: [{ sourceId: "article-000", text: "[test] the talks were useful" }],
    };
    expect((await write(ADD_STATEMENT, statement)).addStatement.errors).toEqual([]);
    await api.db.write(
      "test.attribute",
      `MATCH (w:Wording {id: $wording}) SET w.attributedTo = "the Kremlin", w.basis = "INFERRED", w.note = "[test] 000 names the Kremlin"`,
      {
        wording: `${id}#article-000`,
      },
    );

    expect((await write(ADD_WORDING, { statementId: id, wording: { sourceId: "dawat-004", text: "[test] useful talks" } })).addWording.errors).toEqual([]);

    const wordings = await api.db.read(
      "test.read",
      `MATCH (:Statement {id: $id})-[:HAS_WORDING]->(w) RETURN w.id AS id, w.attributedTo AS attributedTo, w.basis AS basis, w.quoted AS quoted ORDER BY id`,
      { id },
    );
    expect(wordings).toEqual([
      { id: `${id}#article-000`, attributedTo: "the Kremlin", basis: "INFERRED", quoted: false },
      { id: `${id}#dawat-004`, attributedTo: null, basis: "STATED", quoted: false },
    ]);
  });
});

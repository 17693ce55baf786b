/**
 * Reviewing an article's proposals through the API (issue 20): accepting a meeting with its new
 * participant and new place in one call, writing through the curation mutations with the article as
 * the source of every fact; rejecting; refusing what can no longer be accepted, with the graph unchanged.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { findViolations } from "../src/db/invariants.js";
import { useApi } from "./support/api.js";
import { testId } from "./support/curation.js";
import {
  aboutThreeHours,
  ACCEPT,
  article,
  cleanUpArticlesAfterAll,
  ERRORS,
  MEETING_TEXT as TEXT,
  REJECT,
  storeDrafts,
  storeMeetingArticle,
} from "./support/proposals.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const CURATOR = "curator-secret-key";
const READER = "reader-secret-key";
const api = useApi({ API_KEYS: [parseApiKey(`carol:write:${sha256(CURATOR)}`), parseApiKey(`rita:read:${sha256(READER)}`)] });
cleanUpArticlesAfterAll(api);

async function call(query: string, variables: Record<string, unknown> = {}, token: string | undefined = CURATOR) {
  const res = await api.query(query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

// An accept runs many statements, each planned by Neo4j the first time it is seen: on a loaded machine the first call takes tens of seconds.
const SLOW = { timeout: 180_000 };
const meetingArticle = () => storeMeetingArticle(api, CURATOR);

const MEETING = `query($id: ID!) { meeting(id: $id) {
  id date title place { id name } participants { person { id name } sources { source { id } excerpt basis } }
  duration { minutes wording source { id } } claims { field value excerpt source { id } } } }`;

describe("accepting a meeting with its new participant and place", () => {
  it("writes them in one call, dependencies first, each fact sourced to the article with its excerpt", SLOW, async () => {
    const { sourceId, ids, proposals } = await meetingArticle();
    // Listed in any order: the meeting's new participant and new place are accepted before it.
    const all = [proposals.quote, proposals.duration, proposals.meeting, proposals.place, proposals.person];
    const { acceptProposals } = await call(ACCEPT, { ids: all });
    expect(acceptProposals.errors).toEqual([]);
    expect(acceptProposals.proposals.map((p: { status: string }) => p.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(acceptProposals.proposals.find((p: { id: string }) => p.id === proposals.meeting)).toMatchObject({
      became: ids.meeting,
      decidedBy: "carol",
      source: { id: sourceId },
    });

    const { meeting } = await call(MEETING, { id: ids.meeting }, undefined);
    expect(meeting).toMatchObject({
      date: "2025-06-03",
      place: { id: ids.place, name: "Birch Lodge" },
      duration: { minutes: 180, wording: "about three hours", source: { id: sourceId } },
    });
    expect(meeting.participants.map((p: { person: { id: string } }) => p.person.id).sort()).toEqual([ids.person, "steve-witkoff"].sort());
    for (const p of meeting.participants)
      expect(p.sources).toEqual([
        { source: { id: sourceId }, excerpt: "Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025", basis: "STATED" },
      ]);
    expect(meeting.claims).toEqual(
      expect.arrayContaining([
        {
          field: "date",
          value: "2025-06-03",
          excerpt: "Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025",
          source: { id: sourceId },
        },
        {
          field: "place",
          value: ids.place,
          excerpt: "Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025",
          source: { id: sourceId },
        },
        { field: "duration", value: "180", excerpt: "The talks lasted about three hours", source: { id: sourceId } },
      ]),
    );

    // Through the existing queries: meetings, timeTogether, statements, search.
    const reads = await call(
      `query($people: [ID!]!, $speaker: ID!, $source: ID!) {
        meetings(filter: {participantIds: $people}) { edges { node { id } } }
        timeTogether(personIds: $people) { meetingCount time { minutes } }
        statements(filter: {speakerId: $speaker, sourceId: $source}) { edges { node { id text meeting { id } wordings { text source { id } } } } }
        search(query: "Testova") { __typename ... on Person { id } }
      }`,
      { people: [ids.person, "steve-witkoff"], speaker: "steve-witkoff", source: sourceId },
      undefined,
    );
    expect(reads.meetings.edges).toEqual([{ node: { id: ids.meeting } }]);
    expect(reads.timeTogether).toEqual({ meetingCount: 1, time: { minutes: 180 } });
    expect(reads.statements.edges).toEqual([
      {
        node: {
          id: ids.statement,
          text: "We made real progress,",
          meeting: { id: ids.meeting },
          wordings: [{ text: "We made real progress,", source: { id: sourceId } }],
        },
      },
    ]);
    expect(reads.search).toContainEqual({ __typename: "Person", id: ids.person });

    expect(await findViolations(api.db)).toEqual([]);
  });

  it("changes nothing when the same proposals are accepted again", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    const group = [proposals.person, proposals.place, proposals.meeting, proposals.duration];
    expect((await call(ACCEPT, { ids: group })).acceptProposals.errors).toEqual([]);
    const before = await call(MEETING, { id: ids.meeting });
    const again = await call(ACCEPT, { ids: group });
    expect(again.acceptProposals.errors).toEqual([]);
    expect(again.acceptProposals.proposals.map((p: { status: string }) => p.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(await call(MEETING, { id: ids.meeting })).toEqual(before);
  });

  it("refuses a proposal whose pending dependency is not in the call, naming it, and writes nothing", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    const { acceptProposals } = await call(ACCEPT, { ids: [proposals.place, proposals.meeting] });
    expect(acceptProposals.errors).toEqual([{ field: ["ids", "1"], code: "DEPENDENCY_NOT_ACCEPTED", message: expect.stringContaining(proposals.person) }]);
    expect(acceptProposals.proposals.map((p: { status: string }) => p.status)).toEqual(["PENDING", "PENDING"]);
    const gone = await call(`query($m: ID!, $p: ID!) { meeting(id: $m) { id } place(id: $p) { id } }`, { m: ids.meeting, p: ids.place });
    expect(gone).toEqual({ meeting: null, place: null });
  });

  it("accepts a dependency accepted in an earlier call", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    expect((await call(ACCEPT, { ids: [proposals.person, proposals.place] })).acceptProposals.errors).toEqual([]);
    expect((await call(ACCEPT, { ids: [proposals.meeting] })).acceptProposals.errors).toEqual([]);
    expect((await call(MEETING, { id: ids.meeting })).meeting.place.id).toBe(ids.place);
  });
});

describe("edits", () => {
  it("resolve a proposed person to one the graph holds and correct a date; excerpts stay verbatim and the fact is marked inferred", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    const edits = [
      { id: proposals.person, existingId: "jared-kushner", note: "Alice Testova is a byline error for Kushner" },
      { id: proposals.meeting, date: "2025-06-04" },
    ];
    const { acceptProposals } = await call(ACCEPT, { ids: [proposals.person, proposals.place, proposals.meeting], edits });
    expect(acceptProposals.errors).toEqual([]);
    expect(acceptProposals.proposals[0]).toMatchObject({ status: "ACCEPTED", became: "jared-kushner", edits: JSON.stringify(edits[0]) });
    const { meeting } = await call(MEETING, { id: ids.meeting });
    expect(meeting.date).toBe("2025-06-04");
    expect(meeting.participants.map((p: { person: { id: string } }) => p.person.id).sort()).toEqual(["jared-kushner", "steve-witkoff"]);
    expect(meeting.participants[0].sources[0]).toMatchObject({
      excerpt: "Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025",
      basis: "INFERRED",
    });
    expect((await call(`query($id: ID!) { person(id: $id) { id } }`, { id: ids.person })).person).toBeNull();
  });

  it("of a field the proposal's kind does not have are refused", SLOW, async () => {
    const { proposals } = await meetingArticle();
    const { acceptProposals } = await call(ACCEPT, { ids: [proposals.duration], edits: [{ id: proposals.duration, speakerId: "vladimir-putin" }] });
    expect(acceptProposals.errors).toEqual([{ field: ["edits", "0", "speakerId"], code: "INVALID_EDIT", message: expect.stringContaining("DURATION") }]);
  });

  it("give a meeting a last day after its date, written as when it ended; a last day not after it is refused", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    const group = [proposals.person, proposals.place, proposals.meeting];
    const before = await call(ACCEPT, { ids: group, edits: [{ id: proposals.meeting, dateEnd: "2025-06-03" }] });
    expect(before.acceptProposals.errors).toEqual([
      { field: ["edits", "0", "dateEnd"], code: "INVALID_EDIT", message: expect.stringContaining("after the meeting's date 2025-06-03") },
    ]);
    const { acceptProposals } = await call(ACCEPT, {
      ids: group,
      edits: [{ id: proposals.meeting, dateEnd: "2025-06-04", note: "the talks went on the next morning" }],
    });
    expect(acceptProposals.errors).toEqual([]);
    const read = await call(
      `query($id: ID!) { meeting(id: $id) { date ended { latest basis note } } onTheFourth: meetings(filter: {from: "2025-06-04", to: "2025-06-04"}, first: 100) { edges { node { id } } } }`,
      { id: ids.meeting },
    );
    expect(read.meeting).toMatchObject({
      date: "2025-06-03",
      ended: { latest: expect.stringMatching(/^2025-06-04T/), basis: "INFERRED", note: expect.stringContaining("the talks went on the next morning") },
    });
    expect(read.onTheFourth.edges).toContainEqual({ node: { id: ids.meeting } });
  });
});

describe("rejecting", () => {
  it("keeps the proposal with who, when and why, and a rejected proposal cannot be accepted", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    const { rejectProposals } = await call(REJECT, { ids: [proposals.place], reason: "the lodge is not named in other reports" });
    expect(rejectProposals.errors).toEqual([]);
    expect(rejectProposals.proposals[0]).toMatchObject({
      status: "REJECTED",
      decidedBy: "carol",
      rejectionReason: "the lodge is not named in other reports",
      decidedAt: expect.any(String),
    });
    const again = await call(REJECT, { ids: [proposals.place], reason: "another reason" });
    expect(again.rejectProposals.proposals[0].rejectionReason).toBe("the lodge is not named in other reports");

    const { acceptProposals } = await call(ACCEPT, { ids: [proposals.person, proposals.place] });
    expect(acceptProposals.errors).toEqual([{ field: ["ids", "1"], code: "PROPOSAL_REJECTED", message: expect.stringContaining("rejected by carol") }]);
    expect((await call(`query($id: ID!) { person(id: $id) { id } }`, { id: ids.person })).person).toBeNull();
    // The meeting depends on the rejected place: it can only be accepted with another place.
    const meeting = await call(ACCEPT, { ids: [proposals.person, proposals.meeting] });
    expect(meeting.acceptProposals.errors).toEqual([{ field: ["ids", "1"], code: "DEPENDENCY_NOT_ACCEPTED", message: expect.stringContaining("REJECTED") }]);
  });

  it("refuses an accepted proposal", SLOW, async () => {
    const { proposals } = await meetingArticle();
    await call(ACCEPT, { ids: [proposals.person] });
    const { rejectProposals } = await call(REJECT, { ids: [proposals.person] });
    expect(rejectProposals.errors).toEqual([{ field: ["ids", "0"], code: "PROPOSAL_ACCEPTED", message: expect.any(String) }]);
    expect(rejectProposals.proposals[0].status).toBe("ACCEPTED");
  });
});

describe("targets that changed since the article was ingested", () => {
  async function twoPeople() {
    const [a, b] = [testId("person"), testId("person")];
    for (const id of [a, b])
      expect(
        (await call(`mutation($input: PersonInput!) { createPerson(input: $input) { ${ERRORS} } }`, { input: { id, name: `Person ${id}` } })).createPerson
          .errors,
      ).toEqual([]);
    return [a, b] as const;
  }

  it("a merged person is refused with the survivor's id, graph unchanged; an edit naming the survivor is accepted", SLOW, async () => {
    const [merged, survivor] = await twoPeople();
    const { sourceId, ids, proposals } = await meetingArticle();
    const a = article(TEXT);
    const [participation] = await storeDrafts(api, sourceId, TEXT, [
      a.draft("PARTICIPATION", "participation", "Steve Witkoff", {
        participation: { meeting: { key: "meeting" }, person: { id: merged }, role: "note-taker" },
        dependsOn: ["meeting"],
        meetingKey: "meeting",
      }),
    ]);
    await call(ACCEPT, { ids: [proposals.person, proposals.place, proposals.meeting] });
    expect(
      (await call(`mutation($input: MergePeopleInput!) { mergePeople(input: $input) { ${ERRORS} } }`, { input: { survivorId: survivor, mergedId: merged } }))
        .mergePeople.errors,
    ).toEqual([]);

    const before = await call(MEETING, { id: ids.meeting });
    const refused = await call(ACCEPT, { ids: [participation] });
    expect(refused.acceptProposals.errors).toEqual([
      { field: ["ids", "0"], code: "TARGET_MERGED", message: expect.stringContaining(JSON.stringify(survivor)) },
    ]);
    expect(await call(MEETING, { id: ids.meeting })).toEqual(before);

    const accepted = await call(ACCEPT, { ids: [participation], edits: [{ id: participation, personId: survivor }] });
    expect(accepted.acceptProposals.errors).toEqual([]);
    const { meeting } = await call(MEETING, { id: ids.meeting });
    expect(meeting.participants.map((p: { person: { id: string } }) => p.person.id)).toContain(survivor);
  });

  it("a deleted meeting is refused, graph unchanged", SLOW, async () => {
    const { ids, proposals } = await meetingArticle();
    await call(ACCEPT, { ids: [proposals.person, proposals.place, proposals.meeting] });
    await api.db.write("test.deleteMeeting", `MATCH (m:Meeting {id: $id}) OPTIONAL MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c) DETACH DELETE m, c`, {
      id: ids.meeting,
    });
    const { acceptProposals } = await call(ACCEPT, { ids: [proposals.duration] });
    expect(acceptProposals.errors).toEqual([{ field: ["ids", "0"], code: "TARGET_DELETED", message: expect.stringContaining(ids.meeting) }]);
    expect((await call(MEETING, { id: ids.meeting })).meeting).toBeNull();
  });
});

describe("an article about a meeting the graph holds", () => {
  const TEXT = `Alice Keptova met Bob Storeby on 3 June 2025. The talks lasted about three hours, aides said. They agreed to meet again. "It went well," Keptova said.`;
  const mutate = async (field: string, type: string, input: Record<string, unknown>) =>
    expect((await call(`mutation($input: ${type}!) { ${field}(input: $input) { ${ERRORS} } }`, { input }))[field].errors).toEqual([]);

  /** Two people, their stored meeting (no duration yet), and an article's proposals about it: attendances, claims and durations, some repeated, and a quote. */
  async function storedMeetingArticle() {
    const [a, b, meetingId, sourceId, statementId] = [testId("person"), testId("person"), testId("meeting"), testId("article"), testId("statement")];
    for (const id of [a, b]) await mutate("createPerson", "PersonInput", { id, name: `Person ${id}` });
    await mutate("createMeeting", "MeetingInput", {
      id: meetingId,
      kind: "talks",
      title: `Meeting ${meetingId}`,
      date: "2025-06-03",
      participants: [a, b].map((personId) => ({ personId, sources: [{ sourceId: "dawat-004", excerpt: "[test] they met" }] })),
      claims: [{ field: "date", value: "2025-06-03", sourceId: "dawat-004", excerpt: "[test] on 3 June" }],
    });
    await mutate("createSource", "SourceInput", { id: sourceId, title: `Test article ${sourceId}`, kind: "article" });
    const x = article(TEXT);
    const meeting = { id: meetingId };
    const duration = aboutThreeHours(meeting);
    const outcome = { meeting, field: "outcome", value: "agreed to meet again", hedge: "NONE" } as const;
    const ids = await storeDrafts(api, sourceId, TEXT, [
      x.draft("MEETING", "meeting", "Alice Keptova met Bob Storeby on 3 June 2025", {
        meeting: { existingId: meetingId, id: "unused", kind: "talks", title: "unused", date: "2025-06-03", participants: [{ id: a }, { id: b }] },
        meetingKey: "meeting",
      }),
      x.draft("PARTICIPATION", "aide-a", "aides said", { participation: { meeting, person: { id: a }, role: "aide" }, dependsOn: ["meeting"] }),
      x.draft("DURATION", "duration", "The talks lasted about three hours", { duration, dependsOn: ["meeting"] }),
      x.draft("CLAIM", "outcome", "They agreed to meet again", { claim: outcome, dependsOn: ["meeting"] }),
      x.draft("PARTICIPATION", "aide-b", "aides said", { participation: { meeting, person: { id: b }, role: null }, dependsOn: ["meeting"] }),
      x.draft("DURATION", "duration-again", "about three hours", { duration, dependsOn: ["meeting"] }),
      x.draft("CLAIM", "outcome-again", "agreed to meet again", { claim: outcome, dependsOn: ["meeting"] }),
      x.draft("STATEMENT", "quote", "It went well,", {
        statement: { id: statementId, speaker: { id: a }, text: "It went well,", kind: "QUOTE", saidOn: "2025-06-03", meeting },
        dependsOn: ["meeting"],
      }),
    ]);
    return { ids, names: { [meetingId]: "<meeting>", [sourceId]: "<article>", [statementId]: "<statement>", [a]: "<a>", [b]: "<b>" } };
  }

  /** What the graph holds of the article's meeting and proposals, its own ids replaced by `names`' placeholders. */
  async function written({ ids, names }: Awaited<ReturnType<typeof storedMeetingArticle>>) {
    const meetingId = Object.keys(names).find((id) => names[id] === "<meeting>")!;
    const [row] = await api.db.read(
      "test.writtenAboutMeeting",
      `MATCH (m:Meeting {id: $meetingId})
       RETURN properties(m) AS meeting,
              COLLECT { MATCH (m)-[r:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(s:Source) RETURN [type(r), labels(c), properties(c), s.id] ORDER BY c.id } AS claims,
              COLLECT { MATCH (p:Person)-[a:ATTENDED]->(m) RETURN [p.id, properties(a)] } AS attendances,
              COLLECT { UNWIND $ids AS id MATCH (p:Proposal {id: id}) RETURN [p.status, p.became, p.created] } AS proposals,
              COLLECT {
                MATCH (speaker:Person)-[:SAID]->(st:Statement)-[:IN_CONTEXT_OF]->(m)
                RETURN [speaker.id, properties(st), COLLECT { MATCH (st)-[:HAS_WORDING]->(w)-[:FROM]->(s:Source) RETURN [properties(w), s.id] }]
              } AS statements`,
      { meetingId, ids },
    );
    const named = JSON.parse(Object.entries(names).reduce((text, [id, name]) => text.split(id).join(name), JSON.stringify(row)));
    return { ...named, attendances: named.attendances.sort(([x]: [string], [y]: [string]) => x.localeCompare(y)) };
  }

  it("accepted in one call, writes what its proposals accepted one by one write, in a few statements however many they are", SLOW, async () => {
    const together = await storedMeetingArticle();
    const res = await api.query(`mutation($ids: [ID!]!) { acceptProposals(ids: $ids) { proposals { id } ${ERRORS} } }`, { ids: together.ids }, CURATOR);
    expect(res.data!.acceptProposals.errors).toEqual([]);
    // The proposals with their locks, the other locks with all the checks read, the write with the answer.
    expect(res.extensions!.cypherRoundTrips).toBeLessThanOrEqual(3);

    const oneByOne = await storedMeetingArticle();
    for (const id of oneByOne.ids) expect((await call(ACCEPT, { ids: [id] })).acceptProposals.errors).toEqual([]);

    const [a, b] = [await written(together), await written(oneByOne)];
    expect(a).toEqual(b);
    // The repeated claim and duration are the first ones: one outcome claim and one duration from the article, the duration preferred.
    expect(a.claims.filter(([, , claim]: [string, string[], { field: string }]) => claim.field !== "date")).toMatchObject([
      ["HAS_CLAIM", ["Claim"], { id: "<meeting>#claim-3", field: "outcome", rank: "NORMAL" }, "<article>"],
      ["HAS_DURATION", ["Claim", "DurationClaim"], { id: "<meeting>#duration-1", rank: "PREFERRED", preferred: true }, "<article>"],
    ]);
    expect(a.meeting).toMatchObject({ durationMinutes: 180, durationSourceId: "<article>" });
    expect(a.statements).toMatchObject([["<a>", { id: "<statement>", text: "It went well," }, [[{ quoted: true }, "<article>"]]]]);
  });
});

describe("permission", () => {
  it("every decision needs write permission: UNAUTHENTICATED without a token, FORBIDDEN read-only", SLOW, async () => {
    const { proposals } = await meetingArticle();
    for (const [token, code] of [
      [undefined, "UNAUTHENTICATED"],
      [READER, "FORBIDDEN"],
    ] as const) {
      for (const query of [ACCEPT, REJECT]) {
        const res = await api.query(query, { ids: [proposals.person] }, token);
        expect(res.errors?.[0]?.extensions?.code).toBe(code);
      }
    }
    const { proposals: listed } = await call(
      `query($id: ID!) { proposals(filter: {sourceId: $id, statuses: [PENDING]}) { totalCount } }`,
      { id: (await meetingArticle()).sourceId },
      undefined,
    );
    expect(listed.totalCount).toBe(5);
  });
});

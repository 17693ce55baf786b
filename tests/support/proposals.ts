/**
 * Test data for the article-ingest tests: an article builder whose drafts point at their own
 * excerpts (like the seed builders of other APIs), stored as the extraction's would be, and a
 * clean-up that removes everything the tests' articles (sources with TEST_PREFIX ids) brought
 * into the graph, also where it was added to the seed's own meetings, statements and people.
 */
import { afterAll, expect } from "vitest";
import type { ProposalDraft, ProposalKind, Ref } from "../../src/model/proposal.js";
import { REFRESH_DURATION_COPY } from "../../src/db/writes.js";
import { storeProposals } from "../../src/proposal/store.js";
import type { TestApi } from "./api.js";
import { CLEAN_UP, TEST_PREFIX, testId } from "./curation.js";

/** An article's text, and drafts whose excerpt is a phrase of it, at its offsets. */
export function article(text: string) {
  return {
    text,
    draft(kind: ProposalKind, key: string, phrase: string, details: Partial<ProposalDraft>): ProposalDraft {
      const start = text.indexOf(phrase);
      if (start < 0) throw new Error(`the article has no ${JSON.stringify(phrase)}`);
      return {
        key,
        kind,
        summary: `${kind.toLowerCase()} ${key}`,
        excerpt: phrase,
        start,
        end: start + phrase.length,
        basis: "STATED",
        confidence: 0.9,
        reason: "test builder",
        dependsOn: [],
        meetingKey: null,
        ...details,
      };
    },
  };
}

const SET_TEXT = `MATCH (s:Source {id: $sourceId}) SET s.text = $text`;

/** Stores drafts for a source that exists (createSource), as ingestArticle stores the extraction's; returns the proposal ids in draft order. */
export const storeDrafts = (api: TestApi, sourceId: string, text: string, drafts: ProposalDraft[]) =>
  api.db.writeTransaction("test.storeDrafts", async (run) => {
    await run(SET_TEXT, { sourceId, text });
    return storeProposals(run, sourceId, drafts);
  });

/** A duration draft of `meeting`: "about three hours". */
export const aboutThreeHours = (meeting: Ref) =>
  ({
    meeting,
    wording: "about three hours",
    figureMinutes: 180,
    granularityMinutes: 60,
    bound: "AROUND",
    minMinutes: 150,
    maxMinutes: 210,
    hedge: "APPROXIMATE",
  }) as const;

export const MEETING_TEXT = `Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025. The talks lasted about three hours, aides said. "We made real progress," Witkoff told reporters afterwards.`;

/**
 * A fresh article (its own source, ids and proposals) about one meeting: a new person, a new place,
 * the meeting, its duration, a quote; and an attendance of each of `attendees` (people the graph holds).
 */
export async function storeMeetingArticle(api: TestApi, token: string, attendees: string[] = []) {
  const sourceId = testId("article");
  const ids = { person: testId("person"), place: testId("place"), meeting: testId("meeting"), statement: testId("statement") };
  const res = await api.query(
    `mutation($input: SourceInput!) { createSource(input: $input) { ${ERRORS} } }`,
    { input: { id: sourceId, title: `Test article ${sourceId}`, kind: "article" } },
    token,
  );
  expect(res.data?.createSource.errors).toEqual([]);
  const a = article(MEETING_TEXT);
  const drafts = [
    a.draft("PERSON", "person", "Alice Testova", { person: { id: ids.person, name: "Alice Testova" }, meetingKey: "meeting" }),
    a.draft("PLACE", "place", "Birch Lodge outside Moscow", {
      place: { id: ids.place, name: "Birch Lodge", kind: "building", within: { id: "moscow" } },
      meetingKey: "meeting",
    }),
    a.draft("MEETING", "meeting", "Alice Testova met Steve Witkoff at the Birch Lodge outside Moscow on 3 June 2025", {
      meeting: {
        id: ids.meeting,
        kind: "talks",
        title: "Alice Testova and Steve Witkoff at the Birch Lodge",
        date: "2025-06-03",
        place: { key: "place" },
        participants: [{ key: "person" }, { id: "steve-witkoff" }],
      },
      dependsOn: ["person", "place"],
      meetingKey: "meeting",
    }),
    a.draft("DURATION", "duration", "The talks lasted about three hours", {
      duration: aboutThreeHours({ key: "meeting" }),
      dependsOn: ["meeting"],
      meetingKey: "meeting",
    }),
    a.draft("STATEMENT", "quote", "We made real progress,", {
      statement: {
        id: ids.statement,
        speaker: { id: "steve-witkoff" },
        text: "We made real progress,",
        kind: "QUOTE",
        saidOn: "2025-06-03",
        meeting: { key: "meeting" },
      },
      dependsOn: ["meeting"],
      meetingKey: "meeting",
    }),
    ...attendees.map((personId, i) =>
      a.draft("PARTICIPATION", `attendee-${i}`, "aides said", {
        participation: { meeting: { key: "meeting" }, person: { id: personId }, role: "aide" },
        dependsOn: ["meeting"],
        meetingKey: "meeting",
      }),
    ),
  ];
  const [person, place, meeting, duration, quote, ...attendances] = await storeDrafts(api, sourceId, MEETING_TEXT, drafts);
  return { sourceId, ids, proposals: { person: person!, place: place!, meeting: meeting!, duration: duration!, quote: quote!, attendances } };
}

const TEST_SOURCE = "s.id STARTS WITH $prefix";

/** Each statement removes one kind of trace of the test sources; the last is the curation tests' own clean-up. */
const CLEAN_UP_ARTICLES = [
  // What an accepted proposal created (under the extraction's ids, not the tests').
  `MATCH (p:Proposal {created: true, status: 'ACCEPTED'})-[:PROPOSED_FROM]->(s:Source) WHERE ${TEST_SOURCE}
   MATCH (n:Person|Place|Meeting|Statement {id: p.became}) DETACH DELETE n`,
  `MATCH (c:Claim)-[:FROM]->(s:Source) WHERE ${TEST_SOURCE}
   OPTIONAL MATCH (m:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c)
   DETACH DELETE c
   WITH DISTINCT m WHERE m IS NOT NULL
   ${REFRESH_DURATION_COPY}`,
  `MATCH (w:Wording)-[:FROM]->(s:Source) WHERE ${TEST_SOURCE} DETACH DELETE w`,
  `MATCH (st:Statement) WHERE NOT EXISTS { (st)-[:HAS_WORDING]->() } DETACH DELETE st`,
  `MATCH ()-[e:ATTENDED|RELATED]->() WHERE any(id IN e.sourceIds WHERE id STARTS WITH $prefix)
   WITH e, [i IN range(0, size(e.sourceIds) - 1) WHERE NOT e.sourceIds[i] STARTS WITH $prefix] AS kept
   SET e.sourceIds = [i IN kept | e.sourceIds[i]], e.excerpts = [i IN kept | e.excerpts[i]], e.bases = [i IN kept | e.bases[i]], e.notes = [i IN kept | e.notes[i]]
   WITH e WHERE size(e.sourceIds) = 0 DELETE e`,
  `MATCH (r:Role)-[ref:SOURCED_BY]->(s:Source) WHERE ${TEST_SOURCE} DELETE ref
   WITH DISTINCT r WHERE NOT EXISTS { (r)-[:SOURCED_BY]->() } DETACH DELETE r`,
  CLEAN_UP,
];

/** Call once per test file, after useApi: removes what the file's articles brought into the graph. */
export function cleanUpArticlesAfterAll(api: TestApi): void {
  afterAll(async () => {
    for (const statement of CLEAN_UP_ARTICLES) await api.db.write("test.cleanUpArticles", statement, { prefix: TEST_PREFIX });
  });
}

export const PROPOSAL_FIELDS = `id kind status summary excerpt start end confidence reason basis note became decidedBy decidedAt rejectionReason edits
  source { id } dependsOn { id } meeting { id } known { id how fromThisSource } contradicts { id how }`;
export const ERRORS = "errors { field code message }";
export const ACCEPT = `mutation($ids: [ID!]!, $edits: [ProposalEdit!]) { acceptProposals(ids: $ids, edits: $edits) { proposals { ${PROPOSAL_FIELDS} } ${ERRORS} } }`;
export const REJECT = `mutation($ids: [ID!]!, $reason: String) { rejectProposals(ids: $ids, reason: $reason) { proposals { ${PROPOSAL_FIELDS} } ${ERRORS} } }`;
export const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { source { id title publisher publishedOn url text } proposals { ${PROPOSAL_FIELDS} } ${ERRORS} } }`;

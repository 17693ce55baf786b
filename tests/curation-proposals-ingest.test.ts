/**
 * Ingesting an article through the API (issue 20): the article becomes a source holding its text,
 * the extraction's proposals are stored with their excerpts at their offsets, ingesting it again
 * changes nothing, accepted proposals reach the existing queries, and bad input is refused with a code.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { projectRoot } from "../src/config.js";
import { findViolations } from "../src/db/invariants.js";
import { useApi } from "./support/api.js";
import { testId } from "./support/curation.js";
import { ACCEPT, cleanUpArticlesAfterAll, INGEST, REJECT } from "./support/proposals.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const CURATOR = "ingest-curator-key";
const api = useApi({ API_KEYS: [parseApiKey(`ingrid:write:${sha256(CURATOR)}`)] });
cleanUpArticlesAfterAll(api);

// Ingest, extraction and the first accepts plan many statements: slow on a loaded machine.
const SLOW = { timeout: 180_000 };
const seeds = process.env.MEETGRAPH_SEED_SOURCES ?? path.resolve(projectRoot, "..", "shared", "seeds");
const ARTICLE_004 = fs.readFileSync(path.join(seeds, "004_17a7cb94f604f8c9.txt"), "utf8");

interface Proposal {
  id: string;
  kind: string;
  status: string;
  excerpt: string;
  start: number;
  end: number;
  dependsOn: { id: string }[];
  meeting: { id: string } | null;
  became: string | null;
}

async function ingest(input: Record<string, unknown>, token: string | undefined = CURATOR) {
  const res = await api.query(INGEST, { input }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.ingestArticle as {
    source: { id: string; text: string } | null;
    proposals: Proposal[];
    errors: { field: string[]; code: string; message: string }[];
  };
}
const article004 = () => ({
  text: ARTICLE_004,
  title: `${testId("title")} Five-Hour Kremlin Summit`,
  publisher: "Dawat Media Center",
  publishedOn: "2025-12-03",
});

describe("ingesting an article", () => {
  it("stores it as a source holding its text, with proposals whose excerpts stand at their offsets", SLOW, async () => {
    const input = article004();
    const { source, proposals, errors } = await ingest(input);
    expect(errors).toEqual([]);
    expect(source!.id).toMatch(/^ct-title-[0-9a-f]+-five-hour-kremlin-summit-dawat-media-center-2025-12-03$/);
    expect(source!.text).toBe(ARTICLE_004.trim());
    expect(proposals.length).toBeGreaterThan(5);
    for (const p of proposals) expect(source!.text.slice(p.start, p.end)).toBe(p.excerpt);
    for (const kind of ["MEETING", "DURATION", "STATEMENT"]) expect(proposals.some((p) => p.kind === kind)).toBe(true);

    const listed = await api.query(
      `query($id: ID!) { proposals(filter: {sourceId: $id, kinds: [STATEMENT]}, first: 100) { totalCount edges { node { id kind } } } }`,
      { id: source!.id },
    );
    expect(listed.data!.proposals.totalCount).toBe(proposals.filter((p) => p.kind === "STATEMENT").length);
    const sources = await api.query(`{ ingestedSources(first: 100) { edges { node { source { id } pending accepted rejected alreadyKnown } } } }`);
    const counts = sources.data!.ingestedSources.edges.find((e: { node: { source: { id: string } } }) => e.node.source.id === source!.id).node;
    expect(counts.pending + counts.alreadyKnown).toBe(proposals.length);
  });

  it("again changes nothing: the same proposals, decided ones keeping their status", SLOW, async () => {
    const input = article004();
    const first = await ingest(input);
    const [rejected] = first.proposals;
    expect((await api.query(REJECT, { ids: [rejected!.id], reason: "test" }, CURATOR)).data!.rejectProposals.errors).toEqual([]);
    const again = await ingest(input);
    expect(again.errors).toEqual([]);
    expect(again.source!.id).toBe(first.source!.id);
    expect(again.proposals.map((p) => p.id)).toEqual(first.proposals.map((p) => p.id));
    expect(again.proposals.find((p) => p.id === rejected!.id)!.status).toBe("REJECTED");
    // Into the same source by its id, too.
    const byId = await ingest({ text: ARTICLE_004, sourceId: first.source!.id });
    expect(byId.proposals.map((p) => p.id)).toEqual(first.proposals.map((p) => p.id));
  });

  it(
    "accepting a meeting with what it depends on makes it readable through meetings, timeTogether, statements and search, sourced to the article",
    SLOW,
    async () => {
      const { source, proposals } = await ingest(article004());
      const meeting = proposals.find((p) => p.kind === "MEETING" && p.status === "PENDING")!;
      const group = proposals.filter(
        (p) => p.status === "PENDING" && (p.id === meeting.id || p.meeting?.id === meeting.id || meeting.dependsOn.some((d) => d.id === p.id)),
      );
      const res = await api.query(ACCEPT, { ids: group.map((p) => p.id) }, CURATOR);
      expect(res.data!.acceptProposals.errors).toEqual([]);
      const accepted = res.data!.acceptProposals.proposals as Proposal[];
      expect(accepted.every((p) => p.status === "ACCEPTED" || p.status === "ALREADY_KNOWN")).toBe(true);
      const meetingId = accepted.find((p) => p.id === meeting.id)!.became!;

      const read = await api.query(
        `query($id: ID!, $source: ID!) {
        meeting(id: $id) { id title participants { person { id } sources { source { id } excerpt } } claims { field source { id } excerpt } }
        statements(filter: {sourceId: $source}) { edges { node { id wordings { text source { id } } } } }
      }`,
        { id: meetingId, source: source!.id },
      );
      const m = read.data!.meeting;
      expect(m.claims.filter((c: { source: { id: string } }) => c.source.id === source!.id).map((c: { field: string }) => c.field)).toContain("date");
      for (const c of m.claims.filter((c: { source: { id: string } }) => c.source.id === source!.id)) expect(source!.text).toContain(c.excerpt);
      const people = m.participants.map((p: { person: { id: string } }) => p.person.id);
      const together = await api.query(
        `query($ids: [ID!]!) { timeTogether(personIds: $ids) { meetings(first: 100) { edges { node { id } } } } meetings(filter: {participantIds: $ids}, first: 100) { edges { node { id } } } }`,
        { ids: people },
      );
      expect(together.data!.timeTogether.meetings.edges).toContainEqual({ node: { id: meetingId } });
      expect(together.data!.meetings.edges).toContainEqual({ node: { id: meetingId } });
      if (group.some((p) => p.kind === "STATEMENT")) expect(read.data!.statements.edges.length).toBeGreaterThan(0);
      const found = await api.query(`query($q: String!) { search(query: $q) { __typename ... on Meeting { id } } }`, { q: m.title });
      expect(found.data!.search).toContainEqual({ __typename: "Meeting", id: meetingId });

      expect(await findViolations(api.db)).toEqual([]);
    },
  );
});

describe("dates the text gives", () => {
  const TWO_DAYS = `Steve Witkoff and Rustem Umerov held talks in Moscow on 15 and 16 July 2025. Umerov told reporters after the talks on Wednesday that the sides had agreed on a timetable.`;

  it("a meeting over two days is accepted with its last day, and a statement with the day and occasion it was made", SLOW, async () => {
    const { source, proposals, errors } = await ingest({ text: TWO_DAYS, title: `${testId("title")} Two days in Moscow`, publishedOn: "2025-07-17" });
    expect(errors).toEqual([]);
    const pending = proposals.filter((p) => p.status === "PENDING");
    const res = await api.query(ACCEPT, { ids: pending.map((p) => p.id) }, CURATOR);
    expect(res.data!.acceptProposals.errors).toEqual([]);
    const talks = (res.data!.acceptProposals.proposals as Proposal[]).find((p) => p.kind === "MEETING" && p.excerpt.includes("held talks"))!;

    const read = await api.query(
      `query($id: ID!, $source: ID!) {
        meeting(id: $id) { date ended { latest source { id } basis } }
        onTheSecondDay: meetings(filter: {participantIds: ["steve-witkoff"], from: "2025-07-16", to: "2025-07-16"}, first: 100) { edges { node { id } } }
        statements(filter: {sourceId: $source}) { edges { node { saidOn occasion speaker { name } } } }
      }`,
      { id: talks.became, source: source!.id },
    );
    expect(read.data!.meeting).toMatchObject({
      date: "2025-07-15",
      ended: { latest: expect.stringMatching(/^2025-07-16T/), source: { id: source!.id }, basis: "INFERRED" },
    });
    expect(read.data!.onTheSecondDay.edges).toContainEqual({ node: { id: talks.became } });
    expect(read.data!.statements.edges).toEqual([
      { node: { saidOn: "2025-07-16", occasion: "to reporters after the talks", speaker: { name: "Rustem Umerov" } } },
    ]);
    expect(await findViolations(api.db)).toEqual([]);
  });
});

describe("bad input", () => {
  it.each([
    ["empty text", { text: "   \n " }, "EMPTY"],
    ["text over the limit", { text: "Putin met Witkoff. ".repeat(12_000) }, "TOO_LARGE"],
    ["binary content", { text: `PK\u0003\u0004\u0000\u0000binary` }, "BINARY"],
  ])("%s is refused with a code, nothing written", SLOW, async (_name, input, code) => {
    const title = testId("bad");
    const { source, proposals, errors } = await ingest({ ...input, title });
    expect(errors).toEqual([{ field: ["input", "text"], code, message: expect.any(String) }]);
    expect({ source, proposals }).toEqual({ source: null, proposals: [] });
    expect((await api.query(`query($id: ID!) { source(id: $id) { id } }`, { id: title })).data!.source).toBeNull();
  });

  it("an unknown sourceId is refused", SLOW, async () => {
    const { errors } = await ingest({ text: ARTICLE_004, sourceId: testId("missing") });
    expect(errors).toEqual([{ field: ["input", "sourceId"], code: "UNKNOWN_REFERENCE", message: expect.stringContaining("unknown source") }]);
  });

  it("another text under a title, publisher and date already taken is refused, naming what to do", SLOW, async () => {
    const input = article004();
    expect((await ingest(input)).errors).toEqual([]);
    const { errors } = await ingest({ ...input, text: `${ARTICLE_004}\nA correction was appended.` });
    expect(errors).toEqual([{ field: ["input", "title"], code: "SOURCE_EXISTS", message: expect.stringContaining("sourceId") }]);
  });

  it("needs write permission", SLOW, async () => {
    const res = await api.query(INGEST, { input: article004() });
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

/**
 * Extraction of the seed articles through the real graph (the suite's Neo4j, read only): every
 * draft's excerpt is the text at its offsets, keys are stable, speakers are attributed by
 * pronoun, by role and by the next sentence, and facts the graph holds are recognized.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { seedArticlesDir } from "../src/extract/eval.js";
import { articleText, extractProposals, neo4jLookup } from "../src/extract/index.js";

const target = inject("neo4j");
const driver = createDriver(target);
const lookup = neo4jLookup(new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 }));
afterAll(() => driver.close());

const seedArticle = (file: string) => articleText(fs.readFileSync(path.join(seedArticlesDir, file)));
const dawat = { text: seedArticle("004_17a7cb94f604f8c9.txt"), publishedOn: "2025-12-03", sourceId: "dawat-004" };
const unnamed = { text: seedArticle("000_e373de4a0ca40ca8.txt"), publishedOn: "2025-12-03" };

describe("extractProposals", () => {
  it("cuts every excerpt from the text at its offsets, and gives the same keys twice", async () => {
    for (const article of [dawat, unnamed]) {
      const drafts = await extractProposals(article, lookup);
      expect(drafts.length).toBeGreaterThan(10);
      for (const d of drafts) expect(article.text.slice(d.start, d.end), d.key).toBe(d.excerpt);
      for (const d of drafts) if (d.basis === "INFERRED") expect(d.note, d.key).toBeTruthy();
      const again = await extractProposals(article, lookup);
      expect(again.map((d) => d.key)).toEqual(drafts.map((d) => d.key));
      expect(new Set(drafts.map((d) => d.key)).size).toBe(drafts.length);
    }
  });

  it("attributes a quote followed by “he stated” to the person named before it", async () => {
    const drafts = await extractProposals(unnamed, lookup);
    const quote = drafts.find((d) => d.statement?.text.startsWith("Compromises have not yet been found"));
    expect(quote?.statement).toMatchObject({ kind: "QUOTE", speaker: { id: "yuri-ushakov" } });
    expect(quote?.basis).toBe("INFERRED");
  });

  it("resolves a role-only mention through the graph's aliases", async () => {
    const drafts = await extractProposals(unnamed, lookup);
    const meeting = drafts.find((d) => d.kind === "MEETING" && d.meeting?.kind === "talks");
    expect(meeting?.meeting?.participants).toContainEqual({ id: "steve-witkoff" });
  });

  it("names the speaker from the next sentence", async () => {
    const text = "“We are ready to talk at any moment,” came the message from Moscow.\nPutin said it to reporters in the Kremlin on Tuesday.";
    const drafts = await extractProposals({ text, publishedOn: "2025-12-03" }, lookup);
    const quote = drafts.find((d) => d.kind === "STATEMENT");
    expect(quote?.statement).toMatchObject({ kind: "QUOTE", speaker: { id: "vladimir-putin" }, text: "We are ready to talk at any moment" });
    expect(quote?.note).toContain("next sentence");
  });

  it("gives a statement the day and occasion the text gives: its own words, or the sentence before that names its speaker", async () => {
    const briefing = (await extractProposals(unnamed, lookup)).find((d) => d.statement?.text.startsWith("Compromises have not yet been found"));
    expect(briefing?.statement).toMatchObject({ occasion: "a post-meeting briefing", saidOn: "2025-12-03" });
    expect(briefing?.note).toContain("the sentence before names Yuri Ushakov");

    const text = "Vladimir Putin told CBS's 60 Minutes on Sunday that the talks had been useful.";
    const interview = (await extractProposals({ text, publishedOn: "2025-12-03" }, lookup)).find((d) => d.kind === "STATEMENT");
    expect(interview?.statement).toMatchObject({
      kind: "PARAPHRASE",
      speaker: { id: "vladimir-putin" },
      occasion: "to CBS's 60 Minutes",
      saidOn: "2025-11-30",
    });
    expect(interview?.note).toContain("publication date 2025-12-03");
  });

  it("matches a meeting, a duration and a quote the graph already holds from this source", async () => {
    const drafts = await extractProposals(dawat, lookup);
    const december = drafts.find((d) => d.kind === "MEETING" && d.meeting?.date === "2025-12-02");
    expect(december?.known).toMatchObject({ id: "2025-12-02-putin-witkoff-kushner-kremlin", fromThisSource: true });
    const duration = drafts.find((d) => d.kind === "DURATION" && d.duration?.wording === "five-hour");
    expect(duration?.known?.fromThisSource).toBe(true);
    expect(duration?.duration).toMatchObject({ figureMinutes: 300, granularityMinutes: 60, bound: "AROUND", minMinutes: 270, maxMinutes: 330 });
    const quote = drafts.find((d) => d.statement?.text.startsWith("No compromises have been found yet"));
    expect(quote?.known).toMatchObject({ id: "ushakov-no-compromises-yet", fromThisSource: true });
  });
});

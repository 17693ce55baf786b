import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, expectTypeOf } from "vitest";
import { SEED_FILE_NAMES, type SeedFileName, type SeedGraph } from "../src/seed/files.js";
import { readSeedDir } from "../src/seed/read.js";
import { SeedValidationError, validateSeedGraph } from "../src/seed/validate.js";
import { FACTS_MD_PREFIX } from "../src/model/evidence.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(repoRoot, "seed", "data");
/** The two articles and FACTS.md the data was curated from (outside the repo). */
const sourcesDir = process.env.MEETGRAPH_SEED_SOURCES ?? path.resolve(repoRoot, "..", "shared", "seeds");
const sourcesPresent = fs.existsSync(path.join(sourcesDir, "FACTS.md"));
/** CI has the articles, so the check against them runs there whatever happens; elsewhere it runs when they are present. */
const inCI = process.env.CI === "true";

type SeedFiles = Record<SeedFileName, unknown>;

function realFiles(): SeedFiles {
  const files = {} as SeedFiles;
  for (const name of SEED_FILE_NAMES) files[name] = JSON.parse(fs.readFileSync(path.join(dataDir, `${name}.json`), "utf8")) as unknown;
  return files;
}

/** The real files, deep-cloned and typed so a test can break exactly one thing. */
function realWith(mutate: (graph: SeedGraph) => void): SeedFiles {
  const graph = structuredClone(realFiles()) as unknown as SeedGraph;
  mutate(graph);
  return graph as unknown as SeedFiles;
}

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (found === undefined) throw new Error(`test setup: no entry ${id}`);
  return found;
}

/** Validates and returns the SeedValidationError it must throw. */
function problemsOf(files: SeedFiles): SeedValidationError {
  try {
    validateSeedGraph(files);
  } catch (error) {
    if (error instanceof SeedValidationError) return error;
    throw error;
  }
  throw new Error("expected the seed graph to be rejected, but it validated");
}

/** Asserts one problem names the file and the entry (and matches the message), in `problems` and in the error message. */
function expectProblem(error: SeedValidationError, file: string, entry: string, message: RegExp): void {
  expect(error.problems).toContainEqual({ file, entry, message: expect.stringMatching(message) });
  const line = error.message.split("\n").find((l) => l.startsWith(`seed/data/${file}: ${entry}: `) && message.test(l));
  expect(line, `no line "seed/data/${file}: ${entry}: …" matching ${message} in:\n${error.message}`).toBeDefined();
}

const DEC = "2025-12-02-putin-witkoff-kushner-kremlin";

describe("the real seed files", () => {
  it("validate", () => {
    const graph = readSeedDir(dataDir);
    expect(graph.people.map((p) => p.id)).toEqual(
      expect.arrayContaining(["vladimir-putin", "steve-witkoff", "jared-kushner", "yuri-ushakov", "kirill-dmitriev", "donald-trump", "volodymyr-zelensky"]),
    );
    expect(graph.meetings.filter((m) => m.kind === "talks")).toHaveLength(6);
  });

  it("keep Ushakov's assessment as one statement with two wordings", () => {
    const graph = readSeedDir(dataDir);
    const assessment = graph.statements.filter((s) => s.wordings.some((w) => w.text.includes("There is still a lot of work to be done.")));
    expect(assessment).toHaveLength(1);
    expect(assessment[0]?.wordings.map((w) => w.text).sort()).toEqual([
      "Compromises have not yet been found. There is still a lot of work to be done",
      "No compromises have been found yet. There is still a lot of work to be done.",
    ]);
  });

  it('keep both sides of the March wait in minutes, with 004\'s "reportedly" and Trump as the claimant of "no wait"', () => {
    const march = byId(readSeedDir(dataDir).meetings, "2025-03-13-putin-witkoff-kremlin");
    const waits = march.claims.filter((c) => c.field === "wait").map((c) => [c.sourceId, c.value, c.hedge, c.relaysStatementId]);
    expect(waits).toEqual([
      ["dawat-004", "480", "REPORTED", null],
      ["sky-news-2025-03-14", "480", "NONE", null],
      ["truth-social-trump-2025-03-15", "0", "NONE", "trump-no-wait-whatsoever"],
    ]);
  });

  it("credit what only FACTS.md says to FACTS.md, and mark every inference with its reasoning", () => {
    const graph = readSeedDir(dataDir);
    const dmitrievRole = byId(graph.people, "kirill-dmitriev").roles[0];
    expect(dmitrievRole?.sources.map((s) => [s.sourceId, s.basis])).toEqual([["facts-md", "CURATOR_SUMMARY"]]);
    const december = byId(graph.meetings, DEC);
    const dmitriev = december.participants.find((p) => p.personId === "kirill-dmitriev");
    expect(dmitriev?.sources.map((s) => [s.sourceId, s.basis])).toEqual([["facts-md", "CURATOR_SUMMARY"]]);
    const datedBy = (id: string) =>
      byId(graph.meetings, id)
        .claims.filter((c) => c.field === "date")
        .map((c) => [c.sourceId, c.basis]);
    expect(datedBy("2025-12-03-witkoff-briefing-us-embassy-moscow")).toEqual([["dawat-004", "INFERRED"]]);
    expect(datedBy("2025-12-nato-foreign-ministers-brussels")).toEqual([["dawat-004", "INFERRED"]]);
    expect(datedBy(DEC)).toEqual([["nyt-telegraph-india-2025-12-04", "INFERRED"]]);
    expect(datedBy("2025-02-11-putin-witkoff-moscow")).toEqual([
      ["dawat-004", "STATED"],
      ["cbs-face-the-nation-witkoff-2025-02", "INFERRED"],
    ]);
  });

  it("give the December talks a second day: they ended in the early hours of 3 December", () => {
    const december = byId(readSeedDir(dataDir).meetings, DEC);
    expect(december.ended).toMatchObject({
      earliest: "2025-12-03T00:00:00+03:00",
      wording: "concluded in the early hours of Wednesday",
      sourceId: "dawat-004",
      basis: "INFERRED",
    });
    expect(byId(readSeedDir(dataDir).meetings, "2025-03-13-putin-witkoff-kremlin").endsAt).toBeNull();
  });

  it('name the speaker as each source does: "the Kremlin" in 000, Ushakov in 004', () => {
    const statement = byId(readSeedDir(dataDir).statements, "ushakov-talks-constructive");
    expect(statement.wordings.map((w) => [w.sourceId, w.attributedTo, w.basis])).toEqual([
      ["dawat-004", "Ushakov", "STATED"],
      ["article-000", "the Kremlin", "INFERRED"],
    ]);
    const warning = byId(readSeedDir(dataDir).statements, "putin-ready-to-fight-europe");
    expect(warning.wordings.map((w) => [w.sourceId, w.quoted ?? warning.quoted])).toEqual([
      ["dawat-004", true],
      ["article-000", false],
    ]);
  });

  it("use a statement's canonical text as one of its wordings, word for word", () => {
    for (const statement of readSeedDir(dataDir).statements) {
      expect(
        statement.wordings.map((w) => w.text),
        statement.id,
      ).toContain(statement.text);
    }
  });

  it.skipIf(!sourcesPresent && !inCI)("quote every excerpt and wording character for character from its article, or from FACTS.md", () => {
    if (!sourcesPresent)
      throw new Error(
        `The articles and FACTS.md are not in ${sourcesDir}: check out ../shared/seeds next to the repository, or set MEETGRAPH_SEED_SOURCES to their folder.`,
      );
    const graph = readSeedDir(dataDir);
    const facts = fs.readFileSync(path.join(sourcesDir, "FACTS.md"), "utf8");
    // A source without a file of its own is known through FACTS.md, which quotes its words.
    const textOf = new Map(graph.sources.map((s) => [s.id, s.file === null ? facts : fs.readFileSync(path.join(sourcesDir, s.file), "utf8")]));
    const quotes: { sourceId: string; excerpt: string; where: string }[] = [];
    for (const person of graph.people) {
      for (const role of person.roles) role.sources.forEach((s) => quotes.push({ ...s, where: `${person.id} ${role.id}` }));
      for (const relation of person.relations) relation.sources.forEach((s) => quotes.push({ ...s, where: `${person.id} ${relation.kind}` }));
    }
    for (const meeting of graph.meetings) {
      for (const p of meeting.participants) p.sources.forEach((s) => quotes.push({ ...s, where: `${meeting.id} ${p.personId}` }));
      for (const d of meeting.durations) {
        quotes.push({ sourceId: d.sourceId, excerpt: d.excerpt, where: `${meeting.id} duration` });
        quotes.push({ sourceId: d.sourceId, excerpt: d.wording, where: `${meeting.id} duration wording` });
        expect(d.excerpt, `${meeting.id}: the wording is part of the excerpt`).toContain(d.wording);
      }
      for (const c of meeting.claims) {
        quotes.push({ sourceId: c.sourceId, excerpt: c.excerpt, where: `${meeting.id} claim ${c.field}` });
        if (c.wording !== null) expect(c.excerpt, `${meeting.id} claim ${c.field}: the wording is part of the excerpt`).toContain(c.wording);
      }
      for (const estimate of [meeting.began, meeting.ended]) {
        if (estimate?.wording) quotes.push({ sourceId: estimate.sourceId, excerpt: estimate.wording, where: `${meeting.id} time estimate` });
      }
    }
    for (const statement of graph.statements) statement.wordings.forEach((w) => quotes.push({ sourceId: w.sourceId, excerpt: w.text, where: statement.id }));
    expect(quotes.filter((q) => graph.sources.find((s) => s.id === q.sourceId)?.file?.endsWith(".txt")).length).toBeGreaterThan(50);

    const missing: string[] = [];
    for (const { sourceId, excerpt, where } of quotes) {
      // "[FACTS.md] …" marks FACTS.md's own summary where the source's words are not available.
      const [text, needle] = excerpt.startsWith(FACTS_MD_PREFIX) ? [facts, excerpt.slice(FACTS_MD_PREFIX.length)] : [textOf.get(sourceId) ?? "", excerpt];
      if (!text.includes(needle)) missing.push(`${where} (${sourceId}): ${JSON.stringify(needle)}`);
    }
    expect(missing).toEqual([]);
  });

  it("export types matching the data contract", () => {
    type IsoDate = string;
    type DatePrecision = "DAY" | "MONTH" | "YEAR";
    type EvidenceBasis = "STATED" | "INFERRED" | "CURATOR_SUMMARY";
    type Hedge = "NONE" | "APPROXIMATE" | "REPORTED" | "RUMORED" | "ALLEGED";
    type ClaimRank = "PREFERRED" | "NORMAL" | "DEPRECATED";
    interface SourceRef {
      sourceId: string;
      excerpt: string;
      basis: EvidenceBasis;
      note: string | null;
    }
    interface ClaimEvidence {
      basis: EvidenceBasis;
      note: string | null;
      hedge: Hedge;
      rank: ClaimRank;
      rankReason: string | null;
      relaysStatementId: string | null;
    }
    interface TimeEstimate {
      earliest: string | null;
      latest: string | null;
      wording: string | null;
      sourceId: string;
      basis: EvidenceBasis;
      note: string | null;
    }
    interface SeedCountry {
      id: string;
      name: string;
    }
    interface SeedOrganization {
      id: string;
      name: string;
      kind: string;
      aliases: string[];
      countryId: string | null;
    }
    interface SeedPlace {
      id: string;
      name: string;
      kind: "building" | "city" | "region";
      withinPlaceId: string | null;
      countryId: string | null;
    }
    interface SeedTopic {
      id: string;
      name: string;
      description: string;
    }
    interface SeedSource {
      id: string;
      title: string;
      publisher: string | null;
      publishedOn: IsoDate | null;
      datePrecision: DatePrecision | null;
      url: string | null;
      kind: "article" | "broadcast" | "social-post" | "news-agency-report" | "curator-summary";
      file: string | null;
      note: string | null;
      publishedById: string | null;
    }
    interface SeedRole {
      id: string;
      title: string;
      organizationId: string | null;
      countryId: string | null;
      from: IsoDate | null;
      to: IsoDate | null;
      sources: SourceRef[];
    }
    interface SeedRelation {
      kind: string;
      toPersonId: string;
      sources: SourceRef[];
    }
    interface SeedPerson {
      id: string;
      name: string;
      aliases: string[];
      countryIds: string[];
      roles: SeedRole[];
      relations: SeedRelation[];
    }
    interface SeedParticipant {
      personId: string;
      role: string | null;
      delegationCountryId: string | null;
      sources: SourceRef[];
    }
    interface SeedDurationClaim extends ClaimEvidence {
      sourceId: string;
      excerpt: string;
      wording: string;
      figureMinutes: number | null;
      granularityMinutes: number | null;
      bound: "AROUND" | "UNDER" | "OVER" | null;
    }
    interface SeedClaim extends ClaimEvidence {
      field: string;
      value: string;
      wording: string | null;
      sourceId: string;
      excerpt: string;
    }
    interface SeedMeeting {
      id: string;
      kind: "talks" | "ministerial" | "briefing";
      title: string;
      date: IsoDate;
      datePrecision: DatePrecision;
      startsAt: string | null;
      endsAt: string | null;
      began: TimeEstimate | null;
      ended: TimeEstimate | null;
      placeId: string | null;
      outcome: string | null;
      topicIds: string[];
      organizationIds: string[];
      participants: SeedParticipant[];
      durations: SeedDurationClaim[];
      claims: SeedClaim[];
    }
    interface SeedWording {
      sourceId: string;
      text: string;
      quoted: boolean | null;
      attributedTo: string | null;
      basis: EvidenceBasis;
      note: string | null;
    }
    interface SeedStatement {
      id: string;
      speakerId: string;
      saidOn: IsoDate | null;
      datePrecision: DatePrecision | null;
      meetingId: string | null;
      placeId: string | null;
      occasion: string | null;
      quoted: boolean;
      text: string;
      topicIds: string[];
      wordings: SeedWording[];
    }
    interface ContractGraph {
      countries: SeedCountry[];
      organizations: SeedOrganization[];
      places: SeedPlace[];
      topics: SeedTopic[];
      sources: SeedSource[];
      people: SeedPerson[];
      meetings: SeedMeeting[];
      statements: SeedStatement[];
    }
    type ContractFileName = "countries" | "organizations" | "places" | "topics" | "sources" | "people" | "meetings" | "statements";

    expectTypeOf<SeedGraph>().toEqualTypeOf<ContractGraph>();
    expectTypeOf<SeedFileName>().toEqualTypeOf<ContractFileName>();
  });
});

describe("the validator rejects", () => {
  it("a dangling id: a meeting participant who is not in people.json", () => {
    const files = realWith((g) => {
      const participant = byId(g.meetings, DEC).participants[0];
      if (participant) participant.personId = "nobody-in-particular";
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /participants\[0\]\.personId: unknown person "nobody-in-particular"/);
  });

  it("a bad date: a month that does not exist", () => {
    const files = realWith((g) => {
      byId(g.meetings, "2025-04-25-putin-witkoff-kremlin").date = "2025-13-40";
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-04-25-putin-witkoff-kremlin", /date: invalid date "2025-13-40"/);
  });

  it("a bad date: words instead of a date", () => {
    const files = realWith((g) => {
      byId(g.statements, "trump-no-wait-whatsoever").saidOn = "yesterday";
    });
    expectProblem(problemsOf(files), "statements.json", "trump-no-wait-whatsoever", /saidOn: invalid date "yesterday"/);
  });

  it("duration bounds typed by hand: they follow from the figure by the rule", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, "2025-08-06-putin-witkoff-kremlin").durations[0];
      if (claim) Object.assign(claim, { minMinutes: 200, maxMinutes: 150 });
    });
    expectProblem(
      problemsOf(files),
      "meetings.json",
      "2025-08-06-putin-witkoff-kremlin",
      /durations\[0\]\.minMinutes: Unrecognized key|Unrecognized keys?: "minMinutes", "maxMinutes"/,
    );
  });

  it("a figure without its granularity and bound", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, DEC).durations[1];
      if (claim) claim.granularityMinutes = null;
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /durations\[1\]: figureMinutes, granularityMinutes and bound are all set/);
  });

  it("an inference without its reasoning", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, "2025-12-nato-foreign-ministers-brussels").claims[0];
      if (claim) claim.note = null;
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-12-nato-foreign-ministers-brussels", /claims\[0\]: an INFERRED fact needs a note/);
  });

  it("a summary passed off as the source's words, and a source's words marked as a summary", () => {
    const files = realWith((g) => {
      const dmitriev = byId(g.people, "kirill-dmitriev").roles[0]?.sources[0];
      if (dmitriev) dmitriev.basis = "STATED";
      const putin = byId(g.people, "vladimir-putin").roles[0]?.sources[0];
      if (putin) putin.basis = "CURATOR_SUMMARY";
    });
    const error = problemsOf(files);
    expectProblem(error, "people.json", "kirill-dmitriev", /roles\[0\]\.sources\[0\]: a STATED excerpt is the source's own words/);
    expectProblem(error, "people.json", "vladimir-putin", /roles\[0\]\.sources\[0\]: a CURATOR_SUMMARY excerpt starts with "\[FACTS\.md\] "/);
  });

  it("a claim relaying a statement that does not exist, and a publisher that does not exist", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, "2025-03-13-putin-witkoff-kremlin").claims.find((c) => c.relaysStatementId !== null);
      if (claim) claim.relaysStatementId = "nobody-said-this";
      byId(g.sources, "dawat-004").publishedById = "no-such-publisher";
    });
    const error = problemsOf(files);
    expectProblem(error, "meetings.json", "2025-03-13-putin-witkoff-kremlin", /relaysStatementId: unknown statement "nobody-said-this"/);
    expectProblem(error, "sources.json", "dawat-004", /publishedById: unknown organization "no-such-publisher"/);
  });

  it("a time estimate that ends before it begins", () => {
    const files = realWith((g) => {
      const ended = byId(g.meetings, DEC).ended;
      if (ended) ended.latest = "2025-12-02T23:00:00+03:00";
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /ended: earliest 2025-12-03T00:00:00\+03:00 is after latest 2025-12-02T23:00:00\+03:00/);
  });

  it("two preferred claims of one field, and two quotes of one statement from one source", () => {
    const files = realWith((g) => {
      for (const c of byId(g.meetings, DEC).claims.filter((c) => c.field === "outcome")) c.rank = "PREFERRED";
      const statement = byId(g.statements, "ushakov-no-compromises-yet");
      statement.wordings.push({ ...statement.wordings[0]!, text: "Compromises have not yet been found." });
    });
    const error = problemsOf(files);
    expectProblem(error, "meetings.json", DEC, /at most one "outcome" claim can have rank PREFERRED, found 2/);
    expectProblem(error, "statements.json", "ushakov-no-compromises-yet", /wordings\[2\]\.sourceId: a second quote from source "article-000"/);
  });

  it("a statement with no source: no wordings", () => {
    const files = realWith((g) => {
      byId(g.statements, "ushakov-no-compromises-yet").wordings = [];
    });
    expectProblem(problemsOf(files), "statements.json", "ushakov-no-compromises-yet", /wordings: a statement needs at least one wording/);
  });

  it("a duplicate id", () => {
    const files = realWith((g) => {
      const putin = byId(g.people, "vladimir-putin");
      g.people.push({ ...structuredClone(putin), roles: [] });
    });
    expectProblem(problemsOf(files), "people.json", "vladimir-putin", /duplicate id "vladimir-putin"/);
  });

  it("a role naming an unknown organization", () => {
    const files = realWith((g) => {
      const role = byId(g.people, "kirill-dmitriev").roles[0];
      if (role) role.organizationId = "russian-fund-that-does-not-exist";
    });
    expectProblem(problemsOf(files), "people.json", "kirill-dmitriev", /roles\[0\]\.organizationId: unknown organization "russian-fund-that-does-not-exist"/);
  });

  it("a misspelt key (strict objects)", () => {
    const files = realWith((g) => {
      (byId(g.topics, "ceasefire") as unknown as Record<string, unknown>).descripton = "typo";
    });
    expectProblem(problemsOf(files), "topics.json", "ceasefire", /descripton/);
  });

  it("two preferred durations for one meeting", () => {
    const files = realWith((g) => {
      for (const d of byId(g.meetings, DEC).durations) d.rank = "PREFERRED";
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /exactly one duration claim must have rank PREFERRED, found 3/);
  });

  it("an end time before the start time", () => {
    const files = realWith((g) => {
      Object.assign(byId(g.meetings, "2025-03-13-putin-witkoff-kremlin"), { startsAt: "2025-03-14T02:00:00+03:00", endsAt: "2025-03-14T01:30:00+03:00" });
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-03-13-putin-witkoff-kremlin", /endsAt .* must be after startsAt/);
  });

  it("a date precision that does not match the date", () => {
    const files = realWith((g) => {
      byId(g.meetings, "2025-12-nato-foreign-ministers-brussels").datePrecision = "DAY";
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-12-nato-foreign-ministers-brussels", /datePrecision DAY does not match date "2025-12"/);
  });

  it("a place containment cycle", () => {
    const files = realWith((g) => {
      Object.assign(byId(g.places, "moscow"), { withinPlaceId: "kremlin", countryId: null });
    });
    expectProblem(problemsOf(files), "places.json", "moscow", /containment cycle/);
  });

  it("a zero-minute duration (unknown must be null)", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, "2025-04-25-putin-witkoff-kremlin").durations[0];
      if (claim) claim.figureMinutes = 0;
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-04-25-putin-witkoff-kremlin", /0 is not a duration; use a null figure/);
  });

  it("every problem at once, one per line", () => {
    const files = realWith((g) => {
      byId(g.meetings, "2025-04-25-putin-witkoff-kremlin").date = "yesterday";
      byId(g.statements, "ushakov-no-compromises-yet").wordings = [];
    });
    const error = problemsOf(files);
    expect(error.problems).toHaveLength(2);
    expect(error.message.split("\n").slice(1)).toEqual([
      expect.stringMatching(/^seed\/data\/meetings\.json: 2025-04-25-putin-witkoff-kremlin: date: /),
      expect.stringMatching(/^seed\/data\/statements\.json: ushakov-no-compromises-yet: wordings: /),
    ]);
  });
});

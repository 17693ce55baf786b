import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, expectTypeOf } from "vitest";
import {
  readSeedDir,
  SeedValidationError,
  validateSeedGraph,
  SEED_FILE_NAMES,
  type SeedFileName,
  type SeedGraph,
} from "../src/ingest/seedFiles.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(repoRoot, "seed", "data");
/** The two articles and FACTS.md the data was curated from (outside the repo; tests that need them skip without them). */
const sourcesDir = process.env.MEETGRAPH_SEED_SOURCES ?? path.resolve(repoRoot, "..", "shared", "seeds");

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

/**
 * Whether `needle` is quoted word for word in `text`. Runs of whitespace count as one space (the
 * articles use non-breaking spaces in places), and a quote stored with its sentence-final period
 * may appear in the article with a comma before a dialogue tag (“… to be done,” he stated).
 */
function quotedIn(text: string, needle: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, " ");
  const haystack = norm(text);
  const n = norm(needle);
  return haystack.includes(n) || (n.endsWith(".") && haystack.includes(`${n.slice(0, -1)},`));
}

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
      "Compromises have not yet been found. There is still a lot of work to be done.",
      "No compromises have been found yet. There is still a lot of work to be done.",
    ]);
  });

  it("keep both sides of the March wait: eight hours and no wait at all", () => {
    const march = byId(readSeedDir(dataDir).meetings, "2025-03-13-putin-witkoff-kremlin");
    const waits = march.claims.filter((c) => c.field === "wait").map((c) => c.wording);
    expect(waits).toEqual(expect.arrayContaining(["kept the envoy waiting for eight hours", "there was no wait whatsoever"]));
  });

  it("use a statement's canonical text as one of its wordings, word for word", () => {
    for (const statement of readSeedDir(dataDir).statements) {
      expect(statement.wordings.map((w) => w.text), statement.id).toContain(statement.text);
    }
  });

  it.skipIf(!fs.existsSync(path.join(sourcesDir, "FACTS.md")))("quote every excerpt verbatim from its article or from FACTS.md", () => {
    const graph = readSeedDir(dataDir);
    const facts = fs.readFileSync(path.join(sourcesDir, "FACTS.md"), "utf8");
    const articleOf = new Map(graph.sources.map((s) => [s.id, s.file === null ? null : fs.readFileSync(path.join(sourcesDir, s.file), "utf8")]));
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
    }
    for (const statement of graph.statements) statement.wordings.forEach((w) => quotes.push({ sourceId: w.sourceId, excerpt: w.text, where: statement.id }));

    const missing: string[] = [];
    for (const { sourceId, excerpt, where } of quotes) {
      const article = articleOf.get(sourceId);
      // "[FACTS.md] …" marks FACTS.md's own summary where the source's words are not available.
      const [text, needle] = excerpt.startsWith("[FACTS.md] ") ? [facts, excerpt.slice("[FACTS.md] ".length)] : [article ?? facts, excerpt];
      if (!quotedIn(text, needle)) missing.push(`${where} (${sourceId}): ${needle}`);
    }
    expect(missing).toEqual([]);
  });

  it("export types matching the data contract", () => {
    type IsoDate = string;
    type DatePrecision = "DAY" | "MONTH" | "YEAR";
    interface SourceRef { sourceId: string; excerpt: string }
    interface SeedCountry { id: string; name: string }
    interface SeedOrganization { id: string; name: string; kind: string; aliases: string[]; countryId: string | null }
    interface SeedPlace { id: string; name: string; kind: "building" | "city" | "region"; withinPlaceId: string | null; countryId: string | null }
    interface SeedTopic { id: string; name: string; description: string }
    interface SeedSource { id: string; title: string; publisher: string | null; publishedOn: IsoDate | null; datePrecision: DatePrecision | null; url: string | null; kind: "article" | "broadcast" | "social-post" | "news-agency-report"; file: string | null; note: string | null }
    interface SeedRole { id: string; title: string; organizationId: string | null; countryId: string | null; from: IsoDate | null; to: IsoDate | null; sources: SourceRef[] }
    interface SeedRelation { kind: string; toPersonId: string; sources: SourceRef[] }
    interface SeedPerson { id: string; name: string; aliases: string[]; countryIds: string[]; roles: SeedRole[]; relations: SeedRelation[] }
    interface SeedParticipant { personId: string; role: string | null; delegationCountryId: string | null; sources: SourceRef[] }
    interface SeedDurationClaim { sourceId: string; excerpt: string; wording: string; minutes: number | null; minMinutes: number | null; maxMinutes: number | null; approximate: boolean; preferred: boolean }
    interface SeedClaim { field: string; value: string; wording: string | null; sourceId: string; excerpt: string }
    interface SeedMeeting { id: string; kind: "talks" | "ministerial" | "briefing"; title: string; date: IsoDate; datePrecision: DatePrecision; startsAt: string | null; endsAt: string | null; placeId: string | null; outcome: string | null; topicIds: string[]; organizationIds: string[]; participants: SeedParticipant[]; durations: SeedDurationClaim[]; claims: SeedClaim[] }
    interface SeedWording { sourceId: string; text: string }
    interface SeedStatement { id: string; speakerId: string; saidOn: IsoDate | null; datePrecision: DatePrecision | null; meetingId: string | null; placeId: string | null; occasion: string | null; quoted: boolean; text: string; topicIds: string[]; wordings: SeedWording[] }
    interface ContractGraph { countries: SeedCountry[]; organizations: SeedOrganization[]; places: SeedPlace[]; topics: SeedTopic[]; sources: SeedSource[]; people: SeedPerson[]; meetings: SeedMeeting[]; statements: SeedStatement[] }
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

  it("inverted duration bounds: minMinutes above maxMinutes", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, "2025-08-06-putin-witkoff-kremlin").durations[0];
      if (claim) Object.assign(claim, { minMinutes: 200, maxMinutes: 150 });
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-08-06-putin-witkoff-kremlin", /durations\[0\]: minMinutes 200 is greater than maxMinutes 150/);
  });

  it("inverted duration bounds: minutes outside [minMinutes, maxMinutes]", () => {
    const files = realWith((g) => {
      const claim = byId(g.meetings, DEC).durations[1];
      if (claim) claim.minutes = 400;
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /durations\[1\]: minutes 400 is above maxMinutes/);
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
      for (const d of byId(g.meetings, DEC).durations) d.preferred = true;
    });
    expectProblem(problemsOf(files), "meetings.json", DEC, /exactly one duration claim must be preferred, found 3/);
  });

  it("an end time before the start time", () => {
    const files = realWith((g) => {
      byId(g.meetings, "2025-03-13-putin-witkoff-kremlin").startsAt = "2025-03-14T02:00:00+03:00";
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
      const claim = byId(g.meetings, "2025-03-13-putin-witkoff-kremlin").durations[0];
      if (claim) claim.minutes = 0;
    });
    expectProblem(problemsOf(files), "meetings.json", "2025-03-13-putin-witkoff-kremlin", /use null when the duration is unknown/);
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

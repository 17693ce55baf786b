/**
 * The seed graph as the start command leaves it: the facts of the articles, with their
 * sources, and a seed script that is idempotent and writes nothing from bad files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSeedDir, readSeedDir } from "../src/seed/read.js";
import { countExisting, idsByLabel, readRun } from "../src/seed/load.js";
import { useApi } from "./support/api.js";
import { runScript } from "./support/scripts.js";

const api = useApi();

const runSeedScript = (...args: string[]) => runScript("seed/seed.ts", ...args);

const PUTIN_WITKOFF_2025 = `
MATCH (:Person {id: "vladimir-putin"})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(:Person {id: "steve-witkoff"})
WHERE m.dateStart >= date("2025-01-01") AND m.dateEnd <= date("2025-12-31")
MATCH (m)-[:HELD_AT]->(place:Place)
OPTIONAL MATCH (m)-[:HAS_DURATION]->(d:DurationClaim)-[:FROM]->(s:Source)
WITH m, place, d, s ORDER BY d.minutes DESC
RETURN m.date AS date, place.id AS place, m.durationMinutes AS minutes,
       collect({minutes: d.minutes, wording: d.wording, source: s.id}) AS claims
ORDER BY m.date`;

describe("the seed graph", () => {
  it("holds the six Putin–Witkoff meetings of 2025 with their dates, places and duration claims", async () => {
    const meetings = await api.db.read<{
      date: string;
      place: string;
      minutes: number | null;
      claims: { minutes: number | null; wording: string; source: string }[];
    }>("test", PUTIN_WITKOFF_2025);

    expect(meetings.map((m) => [m.date, m.place])).toEqual([
      ["2025-02-11", "moscow"],
      ["2025-03-13", "kremlin"],
      ["2025-04-11", "presidential-library"],
      ["2025-04-25", "kremlin"],
      ["2025-08-06", "kremlin"],
      ["2025-12-02", "kremlin"],
    ]);
    const february = meetings[0]!;
    expect(february.claims.map((c) => c.wording)).toEqual(
      expect.arrayContaining(["three-and-a-half-hour", "close to three and a half hours", "about three hours"]),
    );
    const march = meetings[1]!;
    expect(march.minutes).toBeNull(); // "rumored to be brief": unknown, not 0
    expect(march.claims).toEqual([expect.objectContaining({ minutes: null, wording: expect.stringContaining("brief") })]);
    const august = meetings[4]!;
    expect(august.claims.find((c) => c.wording === "just under three hours")?.minutes).toBeLessThanOrEqual(180);
  });

  it("has the 2 December meeting with five participants from two delegations in the Kremlin, Moscow, Russia", async () => {
    const [meeting] = await api.db.read<{ delegations: [string, string[]][]; chain: string[] }>(
      "test",
      `MATCH (m:Meeting {id: "2025-12-02-putin-witkoff-kushner-kremlin"})
       MATCH path = (m)-[:HELD_AT]->(:Place)-[:WITHIN*]->(:Country)
       MATCH (p:Person)-[a:ATTENDED]->(m)
       WITH [n IN nodes(path)[1..] | n.id] AS chain, a.delegationCountryId AS delegation, p.id AS person ORDER BY person
       WITH chain, delegation, collect(person) AS people
       RETURN chain, collect([delegation, people]) AS delegations`,
    );
    expect(meeting?.chain).toEqual(["kremlin", "moscow", "RU"]);
    expect(Object.fromEntries(meeting!.delegations)).toEqual({
      RU: ["kirill-dmitriev", "vladimir-putin", "yuri-ushakov"],
      US: ["jared-kushner", "steve-witkoff"],
    });
  });

  it("keeps Ushakov's assessment as one statement with two wordings from two sources", async () => {
    const statements = await api.db.read<{ wordings: { text: string; source: string }[] }>(
      "test",
      `MATCH (:Person {id: "yuri-ushakov"})-[:SAID]->(s:Statement)-[:HAS_WORDING]->(w:Wording)-[:FROM]->(src:Source)
       WHERE w.text CONTAINS "There is still a lot of work to be done"
       WITH s, w, src ORDER BY src.id
       RETURN s.id AS id, collect({text: w.text, source: src.id}) AS wordings`,
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]!.wordings.map((w) => w.text).sort()).toEqual([
      "Compromises have not yet been found. There is still a lot of work to be done",
      "No compromises have been found yet. There is still a lot of work to be done.",
    ]);
    expect(new Set(statements[0]!.wordings.map((w) => w.source)).size).toBe(2);
  });

  it("keeps both sides of a conflict: an eight-hour wait and no wait at all", async () => {
    const claims = await api.db.read<{ value: string; source: string }>(
      "test",
      `MATCH (:Meeting {id: "2025-03-13-putin-witkoff-kremlin"})-[:HAS_CLAIM]->(c:Claim {field: "wait"})-[:FROM]->(s:Source)
       RETURN c.value AS value, s.id AS source`,
    );
    const values = claims.map((c) => c.value.toLowerCase());
    expect(values.some((v) => v.includes("8") || v.includes("eight"))).toBe(true);
    expect(values.some((v) => v.includes("no wait") || v === "0" || v.includes("none"))).toBe(true);
  });

  it("gives at least one source to every meeting, statement and duration claim", async () => {
    const [unsourced] = await api.db.read<{ meetings: string[]; statements: string[]; durations: string[] }>(
      "test",
      `CALL () { MATCH (m:Meeting) WHERE NOT (m)-[:HAS_CLAIM]->(:Claim)-[:FROM]->(:Source) RETURN collect(m.id) AS meetings }
       CALL () { MATCH (s:Statement) WHERE NOT (s)-[:HAS_WORDING]->(:Wording)-[:FROM]->(:Source) RETURN collect(s.id) AS statements }
       CALL () { MATCH (d:DurationClaim) WHERE NOT (d)-[:FROM]->(:Source) RETURN collect(d.id) AS durations }
       RETURN meetings, statements, durations`,
    );
    expect(unsourced).toEqual({ meetings: [], statements: [], durations: [] });
  });
});

describe("the seed graph says how each fact is known", () => {
  it("stores each claim's basis, the reasoning of an inference, its hedge, its rank and whose account it relays", async () => {
    const claims = await api.db.read<{
      field: string;
      value: string;
      source: string;
      basis: string;
      note: string | null;
      hedge: string;
      rank: string;
      claimant: string | null;
    }>(
      "test",
      `MATCH (:Meeting {id: "2025-03-13-putin-witkoff-kremlin"})-[:HAS_CLAIM]->(c:Claim)-[:FROM]->(s:Source)
       WHERE c.field IN ["wait", "date"]
       OPTIONAL MATCH (c)-[:RELAYS]->(:Statement)<-[:SAID]-(speaker:Person)
       RETURN c.field AS field, c.value AS value, s.id AS source, c.basis AS basis, c.note AS note, c.hedge AS hedge, c.rank AS rank, speaker.id AS claimant
       ORDER BY field, source`,
    );
    expect(claims.map(({ field, value, source, basis, hedge, claimant }) => [field, value, source, basis, hedge, claimant])).toEqual([
      ["date", "2025-03", "dawat-004", "STATED", "NONE", null],
      ["date", "2025-03-13", "usa-news-pravda-2025-03-15", "INFERRED", "NONE", null],
      ["wait", "480", "dawat-004", "STATED", "REPORTED", null],
      ["wait", "480", "sky-news-2025-03-14", "CURATOR_SUMMARY", "NONE", null],
      ["wait", "0", "truth-social-trump-2025-03-15", "STATED", "NONE", "donald-trump"],
    ]);
    expect(claims.find((c) => c.basis === "INFERRED")?.note).toMatch(/FACTS\.md/);
    expect(new Set(claims.map((c) => c.rank))).toEqual(new Set(["NORMAL"]));
  });

  it("bounds durations by the rule and copies the preferred one, its hedge and the consensus onto the meeting", async () => {
    const [december] = await api.db.read<Record<string, unknown>>(
      "test",
      `MATCH (m:Meeting {id: "2025-12-02-putin-witkoff-kushner-kremlin"})
       RETURN m.durationMinutes AS minutes, m.durationMinMinutes AS min, m.durationMaxMinutes AS max, m.durationHedge AS hedge, m.durationApproximate AS approximate,
              m.consensusMinMinutes AS consensusMin, m.consensusMaxMinutes AS consensusMax, m.consensusCompatible AS compatible, m.consensusClaimCount AS claimCount,
              [(m)-[:HAS_DURATION]->(d) | [d.wording, d.minMinutes, d.maxMinutes, d.rank, d.preferred]] AS claims`,
    );
    expect(december).toMatchObject({
      minutes: 300,
      min: 270,
      max: 330,
      hedge: "NONE",
      approximate: false,
      consensusMin: 270,
      consensusMax: 300,
      compatible: true,
      claimCount: 3,
    });
    expect(december!.claims).toEqual(
      expect.arrayContaining([
        ["five-hour", 270, 330, "PREFERRED", true],
        ["approximately five hours", 270, 330, "NORMAL", false],
        ["nearly five hours", 270, 300, "NORMAL", false],
      ]),
    );
  });

  it("lets the December talks touch both days they ran over, with the estimate of when they ended", async () => {
    const [december] = await api.db.read<Record<string, unknown>>(
      "test",
      `MATCH (m:Meeting {id: "2025-12-02-putin-witkoff-kushner-kremlin"})
       RETURN toString(m.dateStart) AS dateStart, toString(m.dateEnd) AS dateEnd, m.endedEarliest AS earliest, m.endedLatest AS latest,
              m.endedWording AS wording, m.endedSourceId AS source, m.endedBasis AS basis, m.endsAt AS endsAt`,
    );
    expect(december).toEqual({
      dateStart: "2025-12-02",
      dateEnd: "2025-12-03",
      earliest: "2025-12-03T00:00:00+03:00",
      latest: "2025-12-03T06:00:00+03:00",
      wording: "concluded in the early hours of Wednesday",
      source: "dawat-004",
      basis: "INFERRED",
      endsAt: null,
    });
  });

  it("keeps, per wording, whether it quotes and whom the source names; per source reference, its basis", async () => {
    const wordings = await api.db.read<{ id: string; quoted: boolean; attributedTo: string; basis: string }>(
      "test",
      `MATCH (:Statement {id: "ushakov-talks-constructive"})-[:HAS_WORDING]->(w:Wording)
       RETURN w.id AS id, w.quoted AS quoted, w.attributedTo AS attributedTo, w.basis AS basis ORDER BY id`,
    );
    expect(wordings).toEqual([
      { id: "ushakov-talks-constructive#article-000", quoted: false, attributedTo: "the Kremlin", basis: "INFERRED" },
      { id: "ushakov-talks-constructive#dawat-004", quoted: false, attributedTo: "Ushakov", basis: "STATED" },
    ]);
    const [provenance] = await api.db.read<Record<string, unknown>>(
      "test",
      `MATCH (:Role {id: "dmitriev-rdif-head"})-[r:SOURCED_BY]->(s:Source)
       MATCH (:Person {id: "kirill-dmitriev"})-[a:ATTENDED]->(:Meeting {id: "2025-12-02-putin-witkoff-kushner-kremlin"})
       RETURN s.id AS roleSource, r.basis AS roleBasis, a.sourceIds AS sourceIds, a.bases AS bases, size(a.notes) AS notes`,
    );
    expect(provenance).toEqual({ roleSource: "facts-md", roleBasis: "CURATOR_SUMMARY", sourceIds: ["facts-md"], bases: ["CURATOR_SUMMARY"], notes: 1 });
  });

  it("links sources to the organizations that publish them", async () => {
    const rows = await api.db.read<{ source: string; publisher: string; country: string | null }>(
      "test",
      `MATCH (s:Source)-[:PUBLISHED_BY]->(o:Organization) WHERE s.id IN ["cbs-face-the-nation-witkoff-2025-02", "dawat-004"]
       OPTIONAL MATCH (o)-[:BASED_IN]->(c:Country)
       RETURN s.id AS source, o.name AS publisher, c.id AS country ORDER BY source`,
    );
    expect(rows).toEqual([
      { source: "cbs-face-the-nation-witkoff-2025-02", publisher: "CBS", country: "US" },
      { source: "dawat-004", publisher: "Dawat Media Center", country: null },
    ]);
  });
});

describe("npm run seed", () => {
  it("is idempotent: a second run creates nothing and leaves the same counts", async () => {
    // Only the seed's own nodes: other test files write their own nodes meanwhile.
    const seedIds = idsByLabel(readSeedDir(defaultSeedDir));
    const count = () => countExisting(readRun(api.db, "test.count"), seedIds);
    const before = await count();
    expect(Object.values(before).every((n) => n > 0)).toBe(true);

    const run = runSeedScript();

    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Seed graph loaded: 0 nodes created, \d+ already there/);
    expect(await count()).toEqual(before);
  }, 60_000);

  it("writes nothing when a file is invalid, and names the file and entry", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-bad-seed-"));
    fs.cpSync(defaultSeedDir, dir, { recursive: true });
    const meetingsFile = path.join(dir, "meetings.json");
    const meetings = JSON.parse(fs.readFileSync(meetingsFile, "utf8"));
    meetings.push({ ...meetings[0], id: "2030-01-01-never-happened", date: "2030-02-30" });
    fs.writeFileSync(meetingsFile, JSON.stringify(meetings));

    const run = runSeedScript("--dir", dir);

    expect(run.code).toBe(1);
    expect(run.output).toMatch(/seed\/data\/meetings\.json: .*2030-01-01-never-happened.*invalid date/);
    expect(await api.db.read("test", `MATCH (m:Meeting {id: "2030-01-01-never-happened"}) RETURN m`)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  }, 60_000);

  it("refuses --reset without --yes", () => {
    const run = runSeedScript("--reset");
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/--reset --yes/);
  }, 60_000);
});

/**
 * The seed graph as the start command leaves it: the facts of the articles, with their
 * sources, and a seed script that is idempotent and writes nothing from bad files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSeedDir, readRun } from "../src/ingest/curated.js";
import { readSeedDir } from "../src/ingest/seedFiles.js";
import { countExisting, idsByLabel } from "../src/ingest/writeGraph.js";
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
    const meetings = await api.db.read<{ date: string; place: string; minutes: number | null; claims: { minutes: number | null; wording: string; source: string }[] }>("test", PUTIN_WITKOFF_2025);

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
      "Compromises have not yet been found. There is still a lot of work to be done.",
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

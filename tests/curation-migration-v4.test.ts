/**
 * Migration 4 (issue #19) brings a graph written before the evidence model forward: it fills what
 * is unset and keeps what is set, and copies the consensus onto the meeting.
 */
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrations.js";
import { useApi } from "./support/api.js";

const api = useApi();

const MEETING = "test-migration-v4-meeting";

// It writes to the shared graph (so it runs with the curation tests, after the readers) and takes its meeting away again.
afterAll(() =>
  api.db.write("test.cleanup", "MATCH (m:Meeting {id: $meeting}) OPTIONAL MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim) DETACH DELETE m, c", {
    meeting: MEETING,
  }),
);

// A meeting as the writers left it before issue #19: claims without basis, hedge, rank or figure.
const OLD_SHAPE = `
MERGE (s:Source {id: "dawat-004"})
MERGE (m:Meeting {id: $meeting})
SET m.kind = "talks", m.title = "Old-shape meeting", m.date = "2025-06-01", m.datePrecision = "DAY",
    m.dateStart = date("2025-06-01"), m.dateEnd = date("2025-06-01"),
    m.durationMinutes = 180, m.durationMinMinutes = 150, m.durationMaxMinutes = 210, m.durationApproximate = true,
    m.durationWording = "about three hours", m.durationSourceId = "dawat-004"
MERGE (date:Claim {id: $meeting + "#claim-1"})
SET date.field = "date", date.value = "2025-06-01", date.excerpt = "[test] June 1", date.wording = null
MERGE (m)-[:HAS_CLAIM]->(date) MERGE (date)-[:FROM]->(s)
MERGE (about:Claim {id: $meeting + "#duration-1"})
SET about:DurationClaim, about.field = "duration", about.value = "180", about.wording = "about three hours", about.excerpt = "[test] about three hours",
    about.minutes = 180, about.minMinutes = 150, about.maxMinutes = 210, about.approximate = true, about.preferred = true
MERGE (m)-[:HAS_DURATION]->(about) MERGE (about)-[:FROM]->(s)
MERGE (curated:Claim {id: $meeting + "#duration-2"})
SET curated:DurationClaim, curated.field = "duration", curated.value = "200", curated.wording = "200 minutes", curated.excerpt = "[test] 200 minutes",
    curated.minutes = 200, curated.minMinutes = null, curated.maxMinutes = null, curated.approximate = false, curated.preferred = false,
    curated.basis = "INFERRED", curated.note = "set by a curator before the migration"
MERGE (m)-[:HAS_DURATION]->(curated) MERGE (curated)-[:FROM]->(s)`;

const READ = `
MATCH (m:Meeting {id: $meeting})
RETURN m.durationHedge AS hedge, m.consensusMinMinutes AS consensusMin, m.consensusMaxMinutes AS consensusMax,
       m.consensusCompatible AS compatible, m.consensusClaimCount AS claimCount,
       [(m)-[:HAS_CLAIM|HAS_DURATION]->(c) | c {.id, .basis, .note, .hedge, .rank, .figureMinutes, .granularityMinutes, .bound, .minMinutes, .maxMinutes}] AS claims`;

describe("migration 4: how each fact is known", () => {
  it("fills an old graph's claims with the defaults, reads old bounds as figures, keeps curated values, and copies the consensus", async () => {
    await api.db.write("test.old-shape", OLD_SHAPE, { meeting: MEETING });
    await api.db.write("test.forget-v4", "MATCH (m:Migration {version: 4}) DELETE m");

    expect(await migrate(api.db)).toEqual([4]);

    const [meeting] = await api.db.read<{ claims: Record<string, unknown>[] } & Record<string, unknown>>("test.read", READ, { meeting: MEETING });
    const byId = Object.fromEntries(meeting!.claims.map((c) => [c.id, c]));
    expect(byId[`${MEETING}#claim-1`]).toMatchObject({ basis: "STATED", note: null, hedge: "NONE", rank: "NORMAL", figureMinutes: null });
    expect(byId[`${MEETING}#duration-1`]).toMatchObject({
      basis: "STATED",
      hedge: "APPROXIMATE",
      rank: "PREFERRED",
      figureMinutes: 180,
      granularityMinutes: 60,
      bound: "AROUND",
      minMinutes: 150,
      maxMinutes: 210,
    });
    // Exact minutes, typed without bounds: exact by the rule, and the curator's basis and note stay.
    expect(byId[`${MEETING}#duration-2`]).toMatchObject({
      basis: "INFERRED",
      note: "set by a curator before the migration",
      hedge: "NONE",
      rank: "NORMAL",
      figureMinutes: 200,
      granularityMinutes: 1,
      minMinutes: 200,
      maxMinutes: 200,
    });
    expect(meeting).toMatchObject({ hedge: "APPROXIMATE", consensusMin: 200, consensusMax: 200, compatible: true, claimCount: 2 });

    // Applied once: a second start-up has nothing to do.
    expect(await migrate(api.db)).toEqual([]);
  });
});

/** The synthetic graph generator (seed:synthetic): deterministic and shaped like real data. */
import { describe, expect, it } from "vitest";
import { syntheticMeetings, syntheticReferenceData } from "../src/seed/synthetic.js";
import { figureProblem } from "../src/model/duration.js";

const options = { people: 1_000, meetings: 5_000, seed: 7 };
const meetings = (seed = options.seed) => [...syntheticMeetings({ ...options, seed }, syntheticReferenceData(seed).buildingsByCountry, 1_000)].flat();

describe("the synthetic graph", () => {
  it("is the same for the same seed, and different for another", () => {
    expect(meetings()).toEqual(meetings());
    expect(meetings(8)).not.toEqual(meetings());
  });

  it("generates any range of meetings as it generates them among all the others (the CSV writer threads each take a range)", () => {
    const range = [...syntheticMeetings(options, syntheticReferenceData(options.seed).buildingsByCountry, 300, { from: 1_234, to: 2_345 })].flat();
    expect(range).toEqual(meetings().slice(1_234, 2_345));
  });

  it("has meetings of 2 to 8 distinct participants", () => {
    for (const meeting of meetings()) {
      const ids = meeting.participants.map((p) => p.personId);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(ids.length).toBeLessThanOrEqual(8);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("has heavy-tailed degrees: the busiest person attends far more meetings than the median one", () => {
    const degree = new Map<string, number>();
    for (const m of meetings()) for (const p of m.participants) degree.set(p.personId, (degree.get(p.personId) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    expect(sorted[0]!).toBeGreaterThan(20 * sorted[Math.floor(sorted.length / 2)]!);
  });

  it("mixes known, approximate and unknown durations, never a 0 for unknown", () => {
    const preferred = meetings().map((m) => m.durations.find((d) => d.rank === "PREFERRED"));
    const unknown = preferred.filter((d) => !d || d.figureMinutes === null).length;
    const approximate = preferred.filter((d) => d?.hedge === "APPROXIMATE" && d.figureMinutes !== null).length;
    const exact = preferred.filter((d) => d?.granularityMinutes === 1).length;
    expect(unknown).toBeGreaterThan(0);
    expect(approximate).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(0);
    expect(preferred.some((d) => d?.figureMinutes === 0)).toBe(false);
  });

  it("gives durations by the rule: a figure, what it is rounded to and a bound, exactly one preferred per meeting", () => {
    for (const m of meetings().slice(0, 500)) {
      if (m.durations.length > 0)
        expect(
          m.durations.filter((d) => d.rank === "PREFERRED"),
          m.id,
        ).toHaveLength(1);
      for (const d of m.durations) expect(figureProblem(d), m.id).toBeNull();
    }
  });

  it("places every meeting in a building inside a city inside a country", () => {
    const { places } = syntheticReferenceData(options.seed);
    const byId = new Map(places.map((p) => [p.id, p]));
    for (const m of meetings().slice(0, 200)) {
      const building = byId.get(m.placeId!)!;
      const city = byId.get(building.withinPlaceId!)!;
      expect([building.kind, city.kind, typeof city.countryId]).toEqual(["building", "city", "string"]);
    }
  });
});

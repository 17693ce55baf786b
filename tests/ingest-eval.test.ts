/**
 * npm run ingest:eval's measurement, asserted: on the seed articles, durations and direct quotes
 * with their speaker reach precision and recall 0.8, meetings with their participants recall 0.7.
 * The test articles are reported, not asserted.
 */
import { describe, expect, it } from "vitest";
import { precision, recall, total } from "../src/extract/evalScore.js";
import { runEval } from "../src/extract/eval.js";

describe("ingest quality", () => {
  it("meets the targets on the seed articles", { timeout: 600_000 }, async () => {
    const { seed, fixtures } = await runEval();
    const s = total(seed.map((r) => r.score));
    const f = total(fixtures.map((r) => r.score));
    console.log(
      "test articles:",
      Object.entries(f)
        .map(([kind, k]) => `${kind} P ${precision(k).toFixed(2)} R ${recall(k).toFixed(2)}`)
        .join("; "),
    );
    expect(seed.length).toBe(2);
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
    for (const kind of ["durations with wording", "direct quotes with speaker"] as const) {
      expect(recall(s[kind]), kind).toBeGreaterThanOrEqual(0.8);
      expect(precision(s[kind]), kind).toBeGreaterThanOrEqual(0.8);
    }
    expect(recall(s["meetings with participants"])).toBeGreaterThanOrEqual(0.7);
  });
});

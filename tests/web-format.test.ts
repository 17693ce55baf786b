/** How the web app words durations, dates and evidence: unknown is never 0, hedges and inferences say so in words. */
import { describe, expect, it } from "vitest";
import {
  evidenceExplanation,
  evidenceLabel,
  forReaders,
  formatBounds,
  formatClaimValue,
  formatConsensus,
  formatDate,
  formatSummaryConsensus,
  formatDuration,
  formatMinutes,
  formatSummary,
  formatTimeEstimate,
  hedgeWord,
} from "../web/src/format.js";

describe("the web app's wording", () => {
  it("writes minutes as hours and minutes", () => {
    expect(formatMinutes(270)).toBe("4 h 30 min");
    expect(formatMinutes(300)).toBe("5 h");
    expect(formatMinutes(45)).toBe("45 min");
  });

  it("says how a source hedges a duration, shows its bounds, and never turns unknown into 0", () => {
    expect(formatDuration({ minutes: 270, minMinutes: 255, maxMinutes: 285, hedge: "APPROXIMATE" })).toBe("about 4 h 30 min");
    expect(formatDuration({ minutes: 300, minMinutes: 270, maxMinutes: 330, hedge: "NONE" })).toBe("5 h");
    expect(formatDuration({ minutes: 480, minMinutes: 450, maxMinutes: 510, hedge: "REPORTED" })).toBe("reportedly 8 h");
    // The source's own figure, not the midpoint of its bounds.
    expect(formatDuration({ minutes: 285, minMinutes: 270, maxMinutes: 300, figureMinutes: 300, bound: "UNDER", hedge: "APPROXIMATE" })).toBe("nearly 5 h");
    expect(formatDuration({ minutes: 300, minMinutes: 270, maxMinutes: 330, figureMinutes: 300, bound: "AROUND", hedge: "APPROXIMATE" })).toBe("about 5 h");
    expect(formatDuration({ minutes: 300, minMinutes: 270, maxMinutes: 330, figureMinutes: 300, bound: "AROUND", hedge: "NONE" })).toBe("5 h");
    expect(formatDuration({ minutes: 300, minMinutes: 300, maxMinutes: null, figureMinutes: 300, bound: "OVER", hedge: "REPORTED" })).toBe(
      "reportedly over 5 h",
    );
    expect(formatBounds({ minMinutes: 255, maxMinutes: 285 })).toBe("4 h 15 min – 4 h 45 min");
    expect(formatBounds({ minMinutes: 300, maxMinutes: null })).toBe("at least 5 h");
    expect(formatDuration({ minutes: 180, minMinutes: 180, maxMinutes: 180, hedge: "NONE" })).toBe("3 h");
    expect(formatBounds({ minMinutes: 180, maxMinutes: 180 })).toBeNull();
    expect(formatDuration({ minutes: null, minMinutes: null, maxMinutes: null, hedge: "RUMORED" })).toBe("unknown");
    expect(formatBounds({ minMinutes: null, maxMinutes: null })).toBeNull();
  });

  it("puts every hedge into the word a reader expects", () => {
    expect(hedgeWord("NONE")).toBeNull();
    expect(hedgeWord("APPROXIMATE")).toBe("about");
    expect(hedgeWord("REPORTED")).toBe("reportedly");
    expect(hedgeWord("RUMORED")).toBe("rumoured");
    expect(hedgeWord("ALLEGED")).toBe("allegedly");
  });

  it("marks facts no source states, with the curator's reason", () => {
    expect(evidenceLabel("STATED")).toBeNull();
    expect(evidenceExplanation("STATED", "ignored")).toBeNull();
    expect(evidenceLabel("INFERRED")).toBe("inferred");
    expect(evidenceExplanation("INFERRED", "The Kremlin is where Putin receives envoys")).toBe(
      "Inferred by the curator, not stated by the source: The Kremlin is where Putin receives envoys",
    );
    expect(evidenceLabel("CURATOR_SUMMARY")).toBe("summary");
    expect(evidenceExplanation("CURATOR_SUMMARY", null)).toBe("Rests on the curators' summary of other reporting, not the source's own text.");
  });

  it("says what every source's duration has in common, or that they disagree", () => {
    expect(formatConsensus({ minMinutes: 285, maxMinutes: 300, compatible: true, claimCount: 3 })).toBe("all sources fit 4 h 45 min – 5 h");
    expect(formatConsensus({ minMinutes: 300, maxMinutes: 300, compatible: true, claimCount: 2 })).toBe("all sources fit 5 h");
    expect(formatConsensus({ minMinutes: 300, maxMinutes: null, compatible: true, claimCount: 2 })).toBe("all sources fit at least 5 h");
    expect(formatConsensus({ minMinutes: 330, maxMinutes: 300, compatible: false, claimCount: 2 })).toBe("sources disagree");
    // One source agrees with itself: nothing to add to its own bounds.
    expect(formatConsensus({ minMinutes: 270, maxMinutes: 330, compatible: true, claimCount: 1 })).toBeNull();
    expect(formatConsensus(null)).toBeNull();
  });

  it("gives a meeting's start or end as the window the sources allow, on the clock of the place", () => {
    expect(formatTimeEstimate({ earliest: "2025-12-02T17:00:00+03:00", latest: "2025-12-02T17:00:00+03:00" })).toBe("2 December 2025, 17:00 (UTC+03:00)");
    expect(formatTimeEstimate({ earliest: "2025-03-14T01:15:00+03:00", latest: "2025-03-14T01:45:00+03:00" })).toBe(
      "14 March 2025, between 01:15 and 01:45 (UTC+03:00)",
    );
    expect(formatTimeEstimate({ earliest: "2025-12-02T23:30:00+03:00", latest: "2025-12-03T00:30:00+03:00" })).toBe(
      "between 2 December 2025, 23:30 and 3 December 2025, 00:30 (UTC+03:00)",
    );
    expect(formatTimeEstimate({ earliest: "2025-03-13T22:00:00Z", latest: "2025-03-14T01:45:00+03:00" })).toBe(
      "between 13 March 2025, 22:00 (UTC) and 14 March 2025, 01:45 (UTC+03:00)",
    );
    expect(formatTimeEstimate({ earliest: "2025-12-03T00:00:00+03:00", latest: null })).toBe("after 3 December 2025, 00:00 (UTC+03:00)");
    expect(formatTimeEstimate({ earliest: null, latest: "2025-12-03T02:00:00+03:00" })).toBe("before 3 December 2025, 02:00 (UTC+03:00)");
    expect(formatTimeEstimate({ earliest: null, latest: null })).toBeNull();
  });

  it("sums time together and counts the meetings of unknown length apart", () => {
    const witkoffAndPutin = { minutes: 1110, minMinutes: 1035, maxMinutes: null, knownCount: 5, approximateCount: 5, unknownCount: 1 };
    expect(formatSummary(witkoffAndPutin)).toBe("≈ 18 h 30 min, and 1 meeting of unknown length");
    expect(formatSummary(witkoffAndPutin, { compact: true })).toBe("≈ 18 h 30 min, and 1 unknown");
    expect(formatSummary({ minutes: 0, minMinutes: 0, maxMinutes: null, knownCount: 0, approximateCount: 0, unknownCount: 2 })).toBe(
      "unknown (2 meetings of unknown length)",
    );
    expect(formatSummary({ minutes: 90, minMinutes: 90, maxMinutes: 90, knownCount: 1, approximateCount: 0, unknownCount: 0 })).toBe("1 h 30 min");
  });

  it("writes a claim's value as a reader would: waits in hours, dates as precisely as given", () => {
    expect(formatClaimValue("wait", "480")).toBe("8 h");
    expect(formatClaimValue("wait", "0")).toBe("no wait");
    expect(formatClaimValue("date", "2025-03")).toBe("March 2025");
    expect(formatClaimValue("date", "2025-03-13")).toBe("13 March 2025");
    expect(formatClaimValue("outcome", "Inconclusive")).toBe("Inconclusive");
  });

  it("says what all sources allow for the time over several meetings, and never sums a contradiction", () => {
    expect(formatSummaryConsensus({ consensusMinMinutes: 705, consensusMaxMinutes: 750, knownCount: 3, incompatibleCount: 0 })).toBe(
      "all sources fit 11 h 45 min – 12 h 30 min",
    );
    expect(formatSummaryConsensus({ consensusMinMinutes: 1020, consensusMaxMinutes: null, knownCount: 5, incompatibleCount: 0 })).toBe(
      "all sources fit at least 17 h",
    );
    expect(formatSummaryConsensus({ consensusMinMinutes: 300, consensusMaxMinutes: 300, knownCount: 1, incompatibleCount: 0 })).toBe("all sources fit 5 h");
    expect(formatSummaryConsensus({ consensusMinMinutes: 700, consensusMaxMinutes: 650, knownCount: 3, incompatibleCount: 1 })).toBe(
      "sources disagree on 1 meeting",
    );
    expect(formatSummaryConsensus({ consensusMinMinutes: 0, consensusMaxMinutes: null, knownCount: 0, incompatibleCount: 0 })).toBeNull();
  });

  it("writes dates as precisely as they are known", () => {
    expect(formatDate("2025-04-11", "DAY")).toBe("11 April 2025");
    expect(formatDate("2025-12", "MONTH")).toBe("December 2025");
    expect(formatDate("2025", "YEAR")).toBe("2025");
  });

  it("tells readers what the curators' summary is instead of naming its file", () => {
    expect(forReaders("[FACTS.md] 2025-02-11, Moscow")).toBe("From the curators' summary: 2025-02-11, Moscow");
    expect(forReaders("FACTS.md's March row names usa.news-pravda.com")).toBe("The curators' summary's March row names usa.news-pravda.com");
    expect(forReaders("Known only through FACTS.md, which gives no URL.")).toBe(
      "Known only through the curators' summary of other reporting, which gives no URL.",
    );
    expect(forReaders("FACTS.md: the curator’s summary of corroborating and conflicting accounts")).toBe(
      "The curator’s summary of corroborating and conflicting accounts",
    );
    expect(forReaders("the summary the seed graph was curated from (../shared/seeds/FACTS.md). Facts rest on it, with basis CURATOR_SUMMARY.")).toBe(
      "the summary the seed graph was curated from. Facts rest on it, marked “summary”.",
    );
    expect(forReaders("A plain note.")).toBe("A plain note.");
  });
});

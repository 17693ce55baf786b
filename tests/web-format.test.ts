/** How the web app words durations and dates: unknown is never 0, approximate says so. */
import { describe, expect, it } from "vitest";
import { formatBounds, formatDate, formatDuration, formatMinutes, formatSummary } from "../web/src/format.js";

describe("the web app's wording", () => {
  it("writes minutes as hours and minutes", () => {
    expect(formatMinutes(270)).toBe("4 h 30 min");
    expect(formatMinutes(300)).toBe("5 h");
    expect(formatMinutes(45)).toBe("45 min");
  });

  it("marks approximate durations, shows their bounds, and never turns unknown into 0", () => {
    expect(formatDuration({ minutes: 270, minMinutes: 255, maxMinutes: 285, approximate: true })).toBe("≈ 4 h 30 min");
    expect(formatBounds({ minMinutes: 255, maxMinutes: 285 })).toBe("4 h 15 min – 4 h 45 min");
    expect(formatDuration({ minutes: 180, minMinutes: 180, maxMinutes: 180, approximate: false })).toBe("3 h");
    expect(formatBounds({ minMinutes: 180, maxMinutes: 180 })).toBeNull();
    expect(formatDuration({ minutes: null, minMinutes: null, maxMinutes: null, approximate: true })).toBe("unknown");
    expect(formatBounds({ minMinutes: null, maxMinutes: null })).toBeNull();
  });

  it("sums time together and counts the meetings of unknown length apart", () => {
    const witkoffAndPutin = { minutes: 1110, minMinutes: 1035, maxMinutes: null, knownCount: 5, approximateCount: 5, unknownCount: 1 };
    expect(formatSummary(witkoffAndPutin)).toBe("≈ 18 h 30 min, and 1 meeting of unknown length");
    expect(formatSummary(witkoffAndPutin, { compact: true })).toBe("≈ 18 h 30 min, and 1 unknown");
    expect(formatSummary({ minutes: 0, minMinutes: 0, maxMinutes: null, knownCount: 0, approximateCount: 0, unknownCount: 2 })).toBe("unknown (2 meetings of unknown length)");
    expect(formatSummary({ minutes: 90, minMinutes: 90, maxMinutes: 90, knownCount: 1, approximateCount: 0, unknownCount: 0 })).toBe("1 h 30 min");
  });

  it("writes dates as precisely as they are known", () => {
    expect(formatDate("2025-04-11", "DAY")).toBe("11 April 2025");
    expect(formatDate("2025-12", "MONTH")).toBe("December 2025");
    expect(formatDate("2025", "YEAR")).toBe("2025");
  });
});

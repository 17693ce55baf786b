/**
 * The extraction rules one by one: duration wordings through the graph's duration rule, dates
 * relative to the publication date, and the article text's limits and error codes.
 */
import { describe, expect, it } from "vitest";
import { ArticleTextError, articleText, MAX_ARTICLE_BYTES } from "../src/extract/articleText.js";
import { findDates } from "../src/extract/dates.js";
import { findDurations } from "../src/extract/durations.js";
import { durationBounds } from "../src/model/duration.js";

describe("duration wordings", () => {
  it.each([
    ["A meeting lasting just under three hours.", "just under three hours", 180, 60, "UNDER", "APPROXIMATE", 150, 180],
    ["A three-and-a-half-hour meeting.", "three-and-a-half-hour", 210, 30, "AROUND", "NONE", 195, 225],
    ["They talked for approximately five hours.", "approximately five hours", 300, 60, "AROUND", "APPROXIMATE", 270, 330],
    ["The talks lasted 4.5 hours.", "4.5 hours", 270, 30, "AROUND", "NONE", 255, 285],
    ["They met for more than two hours.", "more than two hours", 120, 60, "OVER", "NONE", 120, null],
    ["A 90-minute session.", "90-minute", 90, 10, "AROUND", "NONE", 85, 95],
  ])("%s → %s", (sentence, wording, figure, granularity, bound, hedge, min, max) => {
    const [found] = findDurations(sentence, 0);
    expect(found).toMatchObject({ wording, figureMinutes: figure, granularityMinutes: granularity, bound, hedge });
    expect(sentence.slice(found!.start, found!.end)).toBe(wording);
    expect(durationBounds(found!)).toMatchObject({ minMinutes: min, maxMinutes: max });
  });

  it("reads a duration without a figure as unknown, with its hedge", () => {
    const [found] = findDurations("Subsequent talks were rumored to be brief.", 0);
    expect(found).toMatchObject({ wording: "rumored to be brief", figureMinutes: null, bound: null, hedge: "RUMORED" });
    expect(durationBounds(found!)).toEqual({ minutes: null, minMinutes: null, maxMinutes: null });
  });
});

describe("dates relative to the publication date", () => {
  it.each([
    ["They met on Tuesday.", "2025-12-02"],
    ["The envoy visited in February.", "2025-02"],
    ["He said so earlier this month.", "2025-12"],
  ])("%s (published 2025-12-03) → %s, with a note", (sentence, date) => {
    const [found] = findDates(sentence, 0, "2025-12-03");
    expect(found?.date).toBe(date);
    expect(found?.relativeNote).toContain("2025-12-03");
  });

  it("takes an absolute date as stated, with no note", () => {
    expect(findDates("April 11, 2025: A meeting.", 0, "2025-12-03")[0]).toMatchObject({ date: "2025-04-11", relativeNote: null });
  });

  it("reads a meeting that ended in the early hours of a day as begun the day before", () => {
    expect(findDates("Talks concluded in the early hours of Wednesday.", 0, "2025-12-03")[0]).toMatchObject({ date: "2025-12-03", earlyHours: true });
  });

  it("leaves relative dates alone without a publication date", () => {
    expect(findDates("They met on Tuesday.", 0, null)).toEqual([]);
  });
});

describe("article text", () => {
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (error) {
      expect(error).toBeInstanceOf(ArticleTextError);
      return (error as ArticleTextError).code;
    }
    return null;
  };

  it("refuses empty, enormous, binary and wrongly encoded input with a code", () => {
    expect(codeOf(() => articleText("  \n "))).toBe("EMPTY");
    expect(codeOf(() => articleText("word ".repeat(MAX_ARTICLE_BYTES / 4)))).toBe("TOO_LARGE");
    expect(codeOf(() => articleText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])))).toBe("INVALID_ENCODING");
    expect(codeOf(() => articleText(Buffer.from("PK\u0003\u0004 archive", "utf8")))).toBe("BINARY");
  });

  it("reduces HTML and Markdown to their text", () => {
    expect(articleText("<html><head><style>p{}</style></head><body><h1>Talks</h1><p>Putin met Witkoff &amp; Kushner.</p></body></html>", "html")).toBe("Talks\n\nPutin met Witkoff & Kushner.");
    expect(articleText("# Talks\n\n**Putin** met [Witkoff](https://example.com).", "markdown")).toBe("Talks\n\nPutin met Witkoff.");
  });
});

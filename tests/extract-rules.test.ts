/**
 * The extraction rules one by one: duration wordings through the graph's duration rule, dates
 * relative to the publication date and spans of days, the occasions of statements, the quirks a
 * curator saw on the review page (through the suite's graph, read only), and the article text's
 * limits and error codes.
 */
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { ArticleTextError, articleText, MAX_ARTICLE_BYTES } from "../src/extract/articleText.js";
import { findDates } from "../src/extract/dates.js";
import { findDurations } from "../src/extract/durations.js";
import { extractProposals, neo4jLookup } from "../src/extract/index.js";
import { findOccasion } from "../src/extract/occasions.js";
import { durationBounds } from "../src/model/duration.js";

const target = inject("neo4j");
const driver = createDriver(target);
const lookup = neo4jLookup(new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 }));
afterAll(() => driver.close());

describe("duration wordings", () => {
  it.each([
    ["A meeting lasting just under three hours.", "just under three hours", 180, 60, "UNDER", "APPROXIMATE", 150, 180],
    ["A three-and-a-half-hour meeting.", "three-and-a-half-hour", 210, 30, "AROUND", "NONE", 195, 225],
    ["They talked for approximately five hours.", "approximately five hours", 300, 60, "AROUND", "APPROXIMATE", 270, 330],
    ["The talks lasted 4.5 hours.", "4.5 hours", 270, 30, "AROUND", "NONE", 255, 285],
    ["They met for more than two hours.", "more than two hours", 120, 60, "OVER", "NONE", 120, null],
    ["The session ran a little over two hours.", "a little over two hours", 120, 60, "OVER", "APPROXIMATE", 120, null],
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

  it("reads a weekday named after the publication's own weekday as the one the week before", () => {
    // Published on Tuesday 17 July 2018: "on Wednesday" is 11 July, not the next day.
    expect(findDates("She spoke at a press briefing on Wednesday.", 0, "2018-07-17")[0]).toMatchObject({ date: "2018-07-11", dateEnd: null });
  });

  it.each([
    ["The summit was held on 15 and 16 July 2018.", "15 and 16 July 2018", "2018-07-15", "2018-07-16"],
    ["They met on July 15 and 16, 2018, in Helsinki.", "July 15 and 16, 2018", "2018-07-15", "2018-07-16"],
    ["The talks ran July 15-16, 2018.", "July 15-16, 2018", "2018-07-15", "2018-07-16"],
  ])("%s spans %s: %s to %s", (sentence, words, date, dateEnd) => {
    const [found] = findDates(sentence, 0, "2018-07-20");
    expect(found).toMatchObject({ date, dateEnd, relativeNote: null });
    expect(sentence.slice(found!.start, found!.end)).toContain(words.replace(/^on /, ""));
  });

  it("reads a month of “the previous year” as the year before publication", () => {
    expect(findDates("They met in Bali in November of the previous year.", 0, "2023-11-16")[0]).toMatchObject({
      text: "November of the previous year",
      date: "2022-11",
    });
  });

  it("leaves relative dates alone without a publication date", () => {
    expect(findDates("They met on Tuesday.", 0, null)).toEqual([]);
  });
});

describe("occasions of statements", () => {
  const none = () => false;
  it.each([
    ["Ushakov told reporters after the talks that", "to reporters after the talks"],
    ["she said at a press briefing on Wednesday that", "a press briefing"],
    ["he told CBS's 60 Minutes on Sunday", "to CBS's 60 Minutes"],
    ["In a post-meeting briefing, Kremlin aide Ushakov offered", "a post-meeting briefing"],
    ["Speaking from Dublin, Zelensky acknowledged that", "speaking from Dublin"],
    ["he said in an interview with Fox News that", "an interview with Fox News"],
  ])("%s → %s", (words, occasion) => {
    expect(findOccasion(words, 0, none)?.text).toBe(occasion);
  });

  it("takes no person told something for an occasion", () => {
    const xiIn = (words: string) => (span: { start: number; end: number }) =>
      span.start < words.indexOf("Xi") + "Xi Jinping".length && words.indexOf("Xi") < span.end;
    const told = "Biden told Xi Jinping that the world was big enough.";
    expect(findOccasion(told, 0, xiIn(told))).toBeNull();
    const atTheStart = "Biden told Xi Jinping at the start of the meeting.";
    expect(findOccasion(atTheStart, 0, xiIn(atTheStart))?.text).toBe("at the start of the meeting");
  });
});

describe("meetings beside the article's main talks", () => {
  const meetings = async (text: string, publishedOn: string) =>
    (await extractProposals({ text, publishedOn }, lookup)).filter((d) => d.kind === "MEETING").map((d) => d.meeting!);

  it("gives a joint news conference the parties to the talks, and someone met apart a meeting of their own", async () => {
    const text = [
      "Vladimir Putin and Steve Witkoff held talks in Moscow on Tuesday.",
      "They were joined by Yuri Ushakov for dinner.",
      "Earlier on Tuesday, Witkoff met Finnish President Sauli Niinistö at his residence.",
      "At a joint news conference that followed, Putin praised the envoy.",
    ].join(" ");
    const found = await meetings(text, "2025-12-03");
    const people = (m: (typeof found)[number]) => m.participants.map((p) => ("id" in p ? p.id : p.key)).sort();
    expect(found.find((m) => m.kind === "talks" && people(m).includes("vladimir-putin"))).toBeDefined();
    expect(found.filter((m) => m.kind === "talks").map(people)).toContainEqual(["person:sauli-niinisto", "steve-witkoff"]);
    expect(found.filter((m) => m.kind === "briefing").map(people)).toEqual([["steve-witkoff", "vladimir-putin"]]);
  });

  it("adds someone who “was also in the room” to the talks", async () => {
    const text = "Vladimir Putin and Steve Witkoff held talks in Moscow on Tuesday. Jared Kushner was also in the room.";
    const [talks] = await meetings(text, "2025-12-03");
    expect(talks!.participants).toContainEqual({ id: "jared-kushner" });
  });
});

describe("quirks seen on the review page", () => {
  const drafts = (text: string) => extractProposals({ text, publishedOn: "2025-12-03" }, lookup);

  it("reads a dateline as where the report was filed, never as part of a person's name", async () => {
    for (const text of ["MIAMI (Reuters) – Steve Witkoff met Ukrainian officials on Sunday.", "MIAMI - Witkoff met Ukrainian officials on Sunday."]) {
      const people = (await drafts(text)).filter((d) => d.kind === "PERSON").map((d) => d.person!.name);
      expect(
        people.filter((name) => /MIAMI/i.test(name)),
        text,
      ).toEqual([]);
    }
  });

  it("takes no possessive for a place", async () => {
    const found = await drafts("Steve Witkoff met Ukraine’s chief negotiator Rustem Umerov in Miami on Sunday.");
    expect(found.filter((d) => d.kind === "PLACE").map((d) => d.place!.name)).not.toContainEqual(expect.stringMatching(/’s$/));
    expect(found.find((d) => d.kind === "MEETING")?.summary).not.toContain("Ukraine’s");
  });

  it("gives no one a plural title as their role", async () => {
    const found = await drafts("The Kremlin said that a summit between Presidents Putin and Trump is not under consideration.");
    expect(found.filter((d) => d.kind === "ROLE").map((d) => d.role!.title)).not.toContain("Presidents");
  });

  it("relates “his” adviser to the person named just before “and his”, not to an earlier possessive", async () => {
    const text = "President Donald Trump’s special envoy met Vladimir Putin and his senior foreign policy adviser, Yuri Ushakov, in Moscow on Tuesday.";
    const relations = (await drafts(text)).filter((d) => d.kind === "RELATION").map((d) => d.relation);
    expect(relations).toContainEqual({ from: { id: "yuri-ushakov" }, to: { id: "vladimir-putin" }, kind: "adviser-to" });
    expect(relations).not.toContainEqual(expect.objectContaining({ from: { id: "yuri-ushakov" }, to: { id: "donald-trump" } }));
  });

  it.each([
    ["Secretary of State Mike Pompeo met Sergei Lavrov in Riyadh on Tuesday. Pompeo later told reporters that the talks were useful.", "person:mike-pompeo"],
    ["Chinese President Xi Jinping met Joe Biden on Wednesday. Xi later told reporters that the talks were useful.", "person:xi-jinping"],
  ])("knows a part of the name of someone named in full earlier, also where it starts a sentence: %s", async (text, key) => {
    const statement = (await drafts(text)).find((d) => d.kind === "STATEMENT");
    expect(statement?.statement).toMatchObject({ kind: "PARAPHRASE", occasion: "to reporters", speaker: { key } });
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
    expect(articleText("<html><head><style>p{}</style></head><body><h1>Talks</h1><p>Putin met Witkoff &amp; Kushner.</p></body></html>", "html")).toBe(
      "Talks\n\nPutin met Witkoff & Kushner.",
    );
    expect(articleText("# Talks\n\n**Putin** met [Witkoff](https://example.com).", "markdown")).toBe("Talks\n\nPutin met Witkoff.");
  });
});

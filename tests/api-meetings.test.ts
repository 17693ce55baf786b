import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf, idsOf } from "./support/graphql.js";

const api = useApi();

const FEB = "2025-02-11-putin-witkoff-moscow";
const MAR = "2025-03-13-putin-witkoff-kremlin";
const APR11 = "2025-04-11-putin-witkoff-st-petersburg";
const APR25 = "2025-04-25-putin-witkoff-kremlin";
const AUG = "2025-08-06-putin-witkoff-kremlin";
const DEC = "2025-12-02-putin-witkoff-kushner-kremlin";
const NATO = "2025-12-nato-foreign-ministers-brussels";
const BRIEFING = "2025-12-03-witkoff-briefing-us-embassy-moscow";

const ids = idsOf;
const data = (query: string) => dataOf(api, query);

describe("a single meeting", () => {
  it("says where the 11 April meeting was: the Presidential Library, in St. Petersburg, in Russia", async () => {
    const { meeting } = await data(`{
      meeting(id: "${APR11}") {
        title date datePrecision
        place { id name kind within { id name kind within { id } } country { id name } }
        country { id name }
      } }`);
    expect(meeting).toEqual({
      title: "Putin–Witkoff talks in St. Petersburg (11 April 2025)",
      date: "2025-04-11",
      datePrecision: "DAY",
      place: {
        id: "presidential-library",
        name: "Presidential Library",
        kind: "building",
        within: { id: "st-petersburg", name: "St. Petersburg", kind: "city", within: null },
        country: { id: "RU", name: "Russia" },
      },
      country: { id: "RU", name: "Russia" },
    });
  });

  it("shows the preferred duration and keeps the three conflicting duration claims on the February meeting", async () => {
    const { meeting } = await data(`{
      meeting(id: "${FEB}") {
        duration { minutes minMinutes maxMinutes approximate wording source { id } }
        claims(field: "duration") { id field value wording preferred source { id publisher } duration { minutes minMinutes maxMinutes } }
      } }`);
    expect(meeting.duration).toEqual({
      minutes: 203,
      minMinutes: 195,
      maxMinutes: 210,
      approximate: true,
      wording: "close to three and a half hours",
      source: { id: "cbs-face-the-nation-witkoff-2025-02" },
    });
    expect(meeting.claims).toEqual([
      {
        id: `${FEB}#duration-1`,
        field: "duration",
        value: "210",
        wording: "three-and-a-half-hour",
        preferred: false,
        source: { id: "dawat-004", publisher: "Dawat Media Center" },
        duration: { minutes: 210, minMinutes: 195, maxMinutes: 225 },
      },
      {
        id: `${FEB}#duration-2`,
        field: "duration",
        value: "203",
        wording: "close to three and a half hours",
        preferred: true,
        source: { id: "cbs-face-the-nation-witkoff-2025-02", publisher: "CBS" },
        duration: { minutes: 203, minMinutes: 195, maxMinutes: 210 },
      },
      {
        id: `${FEB}#duration-3`,
        field: "duration",
        value: "180",
        wording: "about three hours",
        preferred: false,
        source: { id: "newsmax-2025-02-16", publisher: "Newsmax" },
        duration: { minutes: 180, minMinutes: 150, maxMinutes: 210 },
      },
    ]);
  });

  it("lists every claim grouped by field, conflicting ones side by side (the March wait)", async () => {
    const { meeting } = await data(`{ meeting(id: "${MAR}") { claims { field value source { id } } endsAt duration { minutes approximate wording } } }`);
    expect(meeting.claims.map((c: any) => c.field)).toEqual(["date", "date", "duration", "end-time", "outcome", "place", "start-time", "wait", "wait", "wait"]);
    // Waits in minutes: eight hours, and none at all.
    expect(meeting.claims.filter((c: any) => c.field === "wait")).toEqual([
      { field: "wait", value: "480", source: { id: "dawat-004" } },
      { field: "wait", value: "480", source: { id: "sky-news-2025-03-14" } },
      { field: "wait", value: "0", source: { id: "truth-social-trump-2025-03-15" } },
    ]);
    // "about 01:30" with no time zone is no exact time: it is in `ended` (tests/evidence.test.ts).
    expect(meeting.endsAt).toBeNull();
    // "rumored to be brief": a claim without a number is unknown, not zero; rumored, not approximate.
    expect(meeting.duration).toEqual({ minutes: null, approximate: false, wording: "rumored to be brief" });
  });

  it("lists participants by delegation, with role and the sources that place them there", async () => {
    const { meeting } = await data(`{ meeting(id: "${DEC}") {
      participants { person { id } role delegation { id } sources { source { id } excerpt } }
      topics { id } sources { id } outcome statements { id }
    } }`);
    expect(meeting.participants.map((p: any) => [p.person.id, p.delegation.id, p.role])).toEqual([
      ["kirill-dmitriev", "RU", null],
      ["vladimir-putin", "RU", null],
      ["yuri-ushakov", "RU", "senior foreign-policy adviser to Putin"],
      ["jared-kushner", "US", "member of the U.S. delegation"],
      ["steve-witkoff", "US", "led the U.S. delegation"],
    ]);
    // No source names Dmitriev: his attendance rests on FACTS.md alone.
    expect(meeting.participants[0].sources).toEqual([
      { source: { id: "facts-md" }, excerpt: "[FACTS.md] Putin, Yuri Ushakov, Kirill Dmitriev; Steve Witkoff, Jared Kushner" },
    ]);
    expect(meeting.topics.map((t: any) => t.id)).toHaveLength(6);
    expect(meeting.sources.map((s: any) => s.id)).toEqual(["article-000", "dawat-004", "facts-md", "nyt-telegraph-india-2025-12-04"]);
    expect(meeting.outcome).toMatch(/^No breakthrough/);
    expect(meeting.statements.map((s: any) => s.id)).toContain("ushakov-no-compromises-yet");
  });

  it("gives a page's meetings the same participants and place, whichever way their fields are selected", async () => {
    const byId = (
      await data(`{ meeting(id: "${DEC}") {
      participants { person { id aliases } role delegation { id } sources { source { id } excerpt } } place { within { id } country { id } } } }`)
    ).meeting;
    // The page reads only what is selected below it: here through a fragment, an inline fragment and aliases.
    const res = await api.query(`
      fragment Who on Participant { person { id ... on Person { aliases } } delegation { id } }
      { meetings(filter: {participantIds: ["jared-kushner"], from: "2025-12-02", to: "2025-12-02"}) { edges { node {
        a: participants { ...Who role }
        b: participants { sources { source { id } excerpt } }
        place { ... on Place { within { id } } country { id } } } } } }`);
    expect(res.errors).toBeUndefined();
    const [node] = res.data!.meetings.edges.map((e: any) => e.node);
    expect(node.a.map((p: any) => ({ ...p }))).toEqual(byId.participants.map(({ person, role, delegation }: any) => ({ person, role, delegation })));
    expect(node.b.map((p: any) => p.sources)).toEqual(byId.participants.map((p: any) => p.sources));
    expect(node.place).toEqual(byId.place);
  });

  it("answers null for an unknown meeting id", async () => {
    expect((await data(`{ meeting(id: "no-such-meeting") { id } }`)).meeting).toBeNull();
  });
});

describe("finding meetings", () => {
  it("finds the meetings in Russia longer than four hours, longest first", async () => {
    const { meetings } = await data(`{ meetings(filter: {countryId: "RU", minDurationMinutes: 241}, orderBy: DURATION_DESC) {
      totalCount edges { node { id duration { minutes } place { name } } } } }`);
    expect(meetings.totalCount).toBe(2);
    expect(meetings.edges.map((e: any) => [e.node.id, e.node.duration.minutes, e.node.place.name])).toEqual([
      [DEC, 300, "Moscow Kremlin"],
      [APR11, 270, "Presidential Library"],
    ]);
  });

  it("counts everything within a country or place: meetings in Russia include the Kremlin ones", async () => {
    const { russia, moscow, kremlin } = await data(`{
      russia: meetings(filter: {countryId: "RU"}) { edges { node { id } } }
      moscow: meetings(filter: {placeId: "moscow"}) { edges { node { id } } }
      kremlin: meetings(filter: {placeId: "kremlin"}) { edges { node { id } } }
    }`);
    expect(ids(russia)).toEqual([FEB, MAR, APR11, APR25, AUG, DEC, BRIEFING]);
    expect(ids(moscow)).toEqual([FEB, MAR, APR25, AUG, DEC, BRIEFING]);
    expect(ids(kremlin)).toEqual([MAR, APR25, AUG, DEC]);
  });

  it("filters by date range, participant, topic and source", async () => {
    const { spring, withDmitriev, territory, tass } = await data(`{
      spring: meetings(filter: {from: "2025-03", to: "2025-04"}) { edges { node { id } } }
      withDmitriev: meetings(filter: {participantIds: ["kirill-dmitriev", "steve-witkoff"]}) { edges { node { id } } }
      territory: meetings(filter: {topicId: "territory-donbas"}) { edges { node { id } } }
      tass: meetings(filter: {sourceId: "tass-1942591"}) { edges { node { id } } }
    }`);
    expect(ids(spring)).toEqual([MAR, APR11, APR25]);
    expect(ids(withDmitriev)).toEqual([APR11, AUG, DEC]);
    expect(ids(territory)).toEqual([DEC]);
    expect(ids(tass)).toEqual([APR11]);
  });

  it("matches a meeting known only to the month when the range reaches into that month", async () => {
    const { meetings } = await data(`{ meetings(filter: {from: "2025-12-15", to: "2025-12-31"}) { edges { node { id date datePrecision } } } }`);
    expect(meetings.edges.map((e: any) => e.node)).toEqual([{ id: NATO, date: "2025-12", datePrecision: "MONTH" }]);
  });

  it("compares the best estimate for duration filters and never matches an unknown duration", async () => {
    const { short, all } = await data(`{
      short: meetings(filter: {maxDurationMinutes: 180}) { edges { node { id duration { minutes } } } }
      all: meetings(filter: {minDurationMinutes: 0}) { totalCount }
    }`);
    expect(short.edges.map((e: any) => [e.node.id, e.node.duration.minutes])).toEqual([
      [APR25, 180],
      [AUG, 165],
    ]);
    expect(all.totalCount).toBe(5); // MAR (unknown), NATO and the briefing (no duration claim) never match
  });

  it("orders by date either way and by duration with unknown durations last", async () => {
    const filter = `{countryId: "RU", from: "2025-01-01", to: "2025-12-31"}`;
    const { asc, desc, shortest } = await data(`{
      asc: meetings(filter: ${filter}, orderBy: DATE_ASC) { edges { node { id } } }
      desc: meetings(filter: ${filter}, orderBy: DATE_DESC) { edges { node { id } } }
      shortest: meetings(filter: ${filter}, orderBy: DURATION_ASC) { edges { node { id } } }
    }`);
    expect(ids(asc)).toEqual([FEB, MAR, APR11, APR25, AUG, DEC, BRIEFING]);
    expect(ids(desc)).toEqual([BRIEFING, DEC, AUG, APR25, APR11, MAR, FEB]);
    expect(ids(shortest)).toEqual([AUG, APR25, FEB, APR11, DEC, MAR, BRIEFING]);
  });

  it("finds meetings that ALL the listed people attended", async () => {
    const { meetingsBetween } = await data(`{ meetingsBetween(personIds: ["vladimir-putin", "jared-kushner"]) { totalCount edges { node { id } } } }`);
    expect(meetingsBetween.totalCount).toBe(1);
    expect(ids(meetingsBetween)).toEqual([DEC]);
  });

  it("sums the time a group spent together, keeping unknown durations apart", async () => {
    const { putinWitkoff, russians } = await data(`{
      putinWitkoff: timeTogether(personIds: ["vladimir-putin", "steve-witkoff"]) {
        meetingCount time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount }
        meetings(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } }
      }
      russians: timeTogether(personIds: ["vladimir-putin", "yuri-ushakov", "kirill-dmitriev"]) {
        meetingCount time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount }
      }
    }`);
    expect(putinWitkoff.meetingCount).toBe(6);
    // 203 + 270 + 180 + 165 + 300; March is unknown, so there is no upper bound. Only CBS's "close to" and 004's "just under" are hedged.
    expect(putinWitkoff.time).toEqual({ minutes: 1118, minMinutes: 1020, maxMinutes: null, knownCount: 5, approximateCount: 2, unknownCount: 1 });
    expect(putinWitkoff.meetings).toEqual({ totalCount: 6, edges: [{ node: { id: FEB } }, { node: { id: MAR } }], pageInfo: { hasNextPage: true } });
    expect(russians).toEqual({
      meetingCount: 3,
      time: { minutes: 735, minMinutes: 675, maxMinutes: 795, knownCount: 3, approximateCount: 1, unknownCount: 0 },
    });
  });

  it("matches nothing when one of the listed people is not in the graph", async () => {
    const { meetingsBetween, timeTogether, meetings } = await data(`{
      meetingsBetween(personIds: ["vladimir-putin", "nobody"]) { totalCount edges { node { id } } }
      timeTogether(personIds: ["vladimir-putin", "nobody"]) { meetingCount }
      meetings(filter: {participantIds: ["nobody", "steve-witkoff"]}, first: 3) { edges { node { id } } }
    }`);
    expect(meetingsBetween).toEqual({ totalCount: 0, edges: [] });
    expect(timeTogether.meetingCount).toBe(0);
    expect(meetings.edges).toEqual([]);
  });

  it("answers an empty time together for people who never met", async () => {
    const { timeTogether } = await data(`{ timeTogether(personIds: ["donald-trump", "vladimir-putin"]) {
      meetingCount time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount } } }`);
    expect(timeTogether).toEqual({ meetingCount: 0, time: { minutes: 0, minMinutes: 0, maxMinutes: 0, knownCount: 0, approximateCount: 0, unknownCount: 0 } });
  });
});

describe("places, countries, topics and sources", () => {
  it("lists countries with their people, meetings and places", async () => {
    const { countries, country } = await data(`{
      countries { id name }
      country(id: "RU") { people { edges { node { id } } } meetings(filter: {placeId: "st-petersburg"}) { edges { node { id } } } places { id } }
    }`);
    // Ordered by name; India, Turkey and the United Kingdom are the publishers' countries.
    expect(countries.map((c: any) => c.id)).toEqual(["BE", "IN", "IE", "RU", "TR", "UA", "GB", "US"]);
    expect(country.people.edges.map((e: any) => e.node.id)).toEqual(["kirill-dmitriev", "vladimir-putin", "yuri-ushakov"]);
    expect(ids(country.meetings)).toEqual([APR11]);
    expect(country.places.map((p: any) => p.id)).toEqual(["moscow", "kremlin", "presidential-library", "st-petersburg", "us-embassy-moscow"]);
  });

  it("shows meetings at a place and everything within it", async () => {
    const { place } = await data(
      `{ place(id: "moscow") { name within { id } country { id } meetings(orderBy: DATE_DESC, first: 2) { edges { node { id } } } } }`,
    );
    expect(place).toEqual({ name: "Moscow", within: null, country: { id: "RU" }, meetings: { edges: [{ node: { id: BRIEFING } }, { node: { id: DEC } }] } });
  });

  it("shows a topic's meetings and statements", async () => {
    const { topic } = await data(`{ topic(id: "european-security") { name meetings { edges { node { id } } } statements { totalCount } } }`);
    expect(topic).toEqual({ name: "European security", meetings: { edges: [{ node: { id: NATO } }] }, statements: { totalCount: 2 } });
  });

  it("shows what a source claims and which statements it reports", async () => {
    const { source } = await data(`{ source(id: "anews-2025-04-17") { title publisher publishedOn datePrecision kind
      claims { field value meeting { id } } statements { id } } }`);
    expect(source).toEqual({
      title: "anews.com.tr report on the April 2025 Putin–Witkoff meeting",
      publisher: "anews.com.tr",
      publishedOn: "2025-04-17",
      datePrecision: "DAY",
      kind: "article",
      claims: [{ field: "duration", value: "285", meeting: { id: APR11 } }],
      statements: [],
    });
  });

  it("shows organizations and the organizations a meeting involved", async () => {
    const { organization, meeting } = await data(`{
      organization(id: "rdif") { name kind aliases country { id } }
      meeting(id: "${NATO}") { organizations { id } participants { person { id } } duration { minutes approximate wording source { id } } }
    }`);
    expect(organization).toEqual({ name: "Russian Direct Investment Fund", kind: "sovereign wealth fund", aliases: ["RDIF"], country: { id: "RU" } });
    expect(meeting).toEqual({
      organizations: [{ id: "nato" }],
      participants: [],
      duration: { minutes: null, approximate: false, wording: null, source: null },
    });
  });
});

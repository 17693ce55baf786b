import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf, idsOf } from "./support/graphql.js";

const api = useApi();
const data = (query: string, variables?: Record<string, unknown>) => dataOf(api, query, variables);

describe("a person", () => {
  it("has a name, aliases, roles with their sources, relations both ways and countries", async () => {
    const { person } = await data(`{ person(id: "steve-witkoff") {
      name aliases countries { id }
      roles { id title organization { id } country { id } from to sources { source { id } excerpt } }
      relations { kind direction person { id } sources { source { id } } }
    } }`);
    expect(person.name).toBe("Steve Witkoff");
    expect(person.aliases).toContain("special envoy");
    expect(person.countries).toEqual([{ id: "US" }]);
    expect(person.roles).toEqual([
      {
        id: "witkoff-us-special-envoy",
        title: "U.S. special envoy (President Trump's special envoy)",
        organization: { id: "white-house" },
        country: { id: "US" },
        from: null,
        to: null,
        sources: expect.arrayContaining([{ source: { id: "dawat-004" }, excerpt: "President Donald Trump’s special envoy Steve Witkoff" }]),
      },
    ]);
    expect(person.relations).toEqual([
      {
        kind: "special-envoy-of",
        direction: "OUTGOING",
        person: { id: "donald-trump" },
        sources: [{ source: { id: "dawat-004" } }, { source: { id: "article-000" } }],
      },
    ]);
  });

  it("ranks counterparts over the meetings the filter's participants also attended", async () => {
    const { withKushner, withNobody, withHimself } = await data(`{
      withKushner: person(id: "vladimir-putin") { counterparts(filter: {participantIds: ["jared-kushner"]}) { person { id } meetingCount time { minutes } } }
      withNobody: person(id: "vladimir-putin") { counterparts(filter: {participantIds: ["nobody"]}) { person { id } } }
      withHimself: person(id: "vladimir-putin") { counterparts(filter: {participantIds: ["vladimir-putin"]}, first: 1) { person { id } meetingCount } }
    }`);
    // Kushner was at one meeting with Putin, December 2 (300 minutes), with Witkoff, Dmitriev and Ushakov.
    const december = { meetingCount: 1, time: { minutes: 300 } };
    expect(withKushner.counterparts).toEqual(
      ["jared-kushner", "kirill-dmitriev", "steve-witkoff", "yuri-ushakov"].map((id) => ({ person: { id }, ...december })),
    );
    expect(withNobody.counterparts).toEqual([]);
    expect(withHimself.counterparts).toEqual([{ person: { id: "steve-witkoff" }, meetingCount: 6 }]);
  });

  it("sees relations pointing at them as INCOMING", async () => {
    const { person } = await data(`{ person(id: "donald-trump") { relations { kind direction person { id } } } }`);
    expect(person.relations).toEqual([
      { kind: "adviser-to", direction: "INCOMING", person: { id: "jared-kushner" } },
      { kind: "son-in-law-of", direction: "INCOMING", person: { id: "jared-kushner" } },
      { kind: "special-envoy-of", direction: "INCOMING", person: { id: "steve-witkoff" } },
    ]);
  });

  it("lists who Putin met in 2025 and for how long in total", async () => {
    const aprilToDecember = {
      meetingCount: 3,
      time: { minutes: 735, minMinutes: 675, maxMinutes: 795, knownCount: 3, approximateCount: 1, unknownCount: 0 },
      firstMeeting: { id: "2025-04-11-putin-witkoff-st-petersburg" },
      lastMeeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
    };
    const { person } = await data(`{ person(id: "vladimir-putin") {
      counterparts(filter: {from: "2025", to: "2025"}) {
        person { id } meetingCount
        time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount }
        firstMeeting { id } lastMeeting { id }
      } } }`);
    expect(person.counterparts).toEqual([
      {
        person: { id: "steve-witkoff" },
        meetingCount: 6,
        // 203 + 270 + 180 + 165 + 300 minutes; the March meeting ("rumored to be brief") is unknown.
        time: { minutes: 1118, minMinutes: 1020, maxMinutes: null, knownCount: 5, approximateCount: 2, unknownCount: 1 },
        firstMeeting: { id: "2025-02-11-putin-witkoff-moscow" },
        lastMeeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
      },
      // Dmitriev and Ushakov were both at April 11 (270), August 6 (165) and December 2 (300).
      { person: { id: "kirill-dmitriev" }, ...aprilToDecember },
      { person: { id: "yuri-ushakov" }, ...aprilToDecember },
      {
        person: { id: "jared-kushner" },
        meetingCount: 1,
        // A bare "five-hour", rounded to the hour: 270 to 330 minutes, and unhedged.
        time: { minutes: 300, minMinutes: 270, maxMinutes: 330, knownCount: 1, approximateCount: 0, unknownCount: 0 },
        firstMeeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
        lastMeeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
      },
    ]);
  });

  it("orders counterparts by meeting count, name or last meeting, and limits them", async () => {
    const { person } = await data(`{ person(id: "steve-witkoff") {
      byCount: counterparts(orderBy: MEETING_COUNT, first: 2) { person { id } meetingCount }
      byName: counterparts(orderBy: NAME) { person { id } }
      byLast: counterparts(orderBy: LAST_MEETING, first: 1) { person { id } lastMeeting { id } }
    } }`);
    expect(person.byCount).toEqual([
      { person: { id: "vladimir-putin" }, meetingCount: 6 },
      { person: { id: "kirill-dmitriev" }, meetingCount: 3 },
    ]);
    expect(person.byName.map((c: any) => c.person.id)).toEqual(["jared-kushner", "kirill-dmitriev", "vladimir-putin", "yuri-ushakov"]);
    expect(person.byLast).toEqual([{ person: { id: "jared-kushner" }, lastMeeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" } }]);
  });

  it("pages through a person's meetings and filters them", async () => {
    const { person } = await data(`{ person(id: "yuri-ushakov") {
      meetings { totalCount edges { node { id } } }
      long: meetings(filter: {minDurationMinutes: 200}, orderBy: DURATION_DESC) { edges { node { id } } }
      statements(first: 2) { totalCount edges { node { id } } pageInfo { hasNextPage } }
    } }`);
    // The three talks, then his own press briefing after the last of them.
    expect(person.meetings.totalCount).toBe(4);
    expect(idsOf(person.meetings)).toEqual([
      "2025-04-11-putin-witkoff-st-petersburg",
      "2025-08-06-putin-witkoff-kremlin",
      "2025-12-02-putin-witkoff-kushner-kremlin",
      "2025-12-03-ushakov-press-briefing",
    ]);
    expect(idsOf(person.long)).toEqual(["2025-12-02-putin-witkoff-kushner-kremlin", "2025-04-11-putin-witkoff-st-petersburg"]);
    // Six statements, and "other provisions were firmly rejected", which 000 attributes to him.
    expect(person.statements.totalCount).toBe(7);
    expect(person.statements.pageInfo.hasNextPage).toBe(true);
  });
});

describe("finding people", () => {
  it('matches names and aliases case-insensitively: "special envoy" finds Steve Witkoff', async () => {
    const { envoy, kremlin, straight, curly } = await data(`{
      envoy: people(search: "Special Envoy") { totalCount edges { node { id } } }
      kremlin: people(search: "kremlin aide") { edges { node { id } } }
      straight: people(search: "trump's special") { edges { node { id } } }
      curly: people(search: "Trump’s special envoy") { edges { node { id } } }
    }`);
    expect(envoy).toEqual({ totalCount: 1, edges: [{ node: { id: "steve-witkoff" } }] });
    expect(idsOf(kremlin)).toEqual(["yuri-ushakov"]);
    expect(idsOf(straight)).toEqual(["steve-witkoff"]);
    expect(idsOf(curly)).toEqual(["steve-witkoff"]);
  });

  it("narrows by country and lists everyone by name without a search", async () => {
    const { us, everyone, blank } = await data(`{
      us: people(countryId: "US") { edges { node { id } } }
      everyone: people { totalCount edges { node { name } } }
      blank: people(search: "  ") { totalCount }
    }`);
    expect(idsOf(us)).toEqual(["donald-trump", "jared-kushner", "steve-witkoff"]);
    expect(everyone.totalCount).toBeGreaterThanOrEqual(7);
    expect(everyone.edges[0].node.name).toBe("Donald Trump");
    expect(blank.totalCount).toBe(everyone.totalCount);
  });

  it("answers null for an unknown person id", async () => {
    expect((await data(`{ person(id: "nobody") { id } }`)).person).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf, idsOf } from "./support/graphql.js";

const api = useApi();
const data = (query: string) => dataOf(api, query);

describe("statements", () => {
  it("finds the statements about territory, by topic and by text", async () => {
    const { byTopic, byText } = await data(`{
      byTopic: statements(filter: {topicId: "territory-donbas"}) { totalCount edges { node {
        id text quoted saidOn datePrecision occasion speaker { id } meeting { id } topics { id } sources { id }
      } } }
      byText: statements(filter: {text: "TERRITOR"}) { edges { node { id } } }
    }`);
    expect(byTopic.totalCount).toBe(1);
    expect(byTopic.edges[0].node).toEqual({
      id: "ushakov-no-territorial-compromise",
      text: "he emphasized that no compromise was reached regarding territorial concessions for Ukraine",
      quoted: false,
      saidOn: "2025-12-03",
      datePrecision: "DAY",
      occasion: expect.any(String),
      speaker: { id: "yuri-ushakov" },
      meeting: { id: "2025-12-02-putin-witkoff-kushner-kremlin" },
      topics: [{ id: "territory-donbas" }, { id: "us-peace-plan" }],
      sources: [{ id: "dawat-004" }],
    });
    expect(idsOf(byText)).toEqual(["ushakov-no-territorial-compromise"]);
  });

  it("keeps Ushakov's statement with its two wordings, the canonical one first", async () => {
    // 000 prints '…to be done," he stated': its words stop before the comma.
    const { statement } = await data(`{ statement(id: "ushakov-no-compromises-yet") { text quoted wordings { id text source { id } } } }`);
    expect(statement).toEqual({
      text: "Compromises have not yet been found. There is still a lot of work to be done",
      quoted: true,
      wordings: [
        {
          id: "ushakov-no-compromises-yet#article-000",
          text: "Compromises have not yet been found. There is still a lot of work to be done",
          source: { id: "article-000" },
        },
        {
          id: "ushakov-no-compromises-yet#dawat-004",
          text: "No compromises have been found yet. There is still a lot of work to be done.",
          source: { id: "dawat-004" },
        },
      ],
    });
  });

  it("searches every wording, not only the canonical text", async () => {
    // "No compromises have been found yet" is only 004's wording.
    const { statements } = await data(`{ statements(filter: {text: "no compromises have been found"}) { edges { node { id } } } }`);
    expect(idsOf(statements)).toEqual(["ushakov-no-compromises-yet"]);
  });

  it("filters by speaker, meeting, source and date, oldest first", async () => {
    const { trump, february, truthSocial, december, place } = await data(`{
      trump: statements(filter: {speakerId: "donald-trump"}) { edges { node { id saidOn } } }
      february: statements(filter: {meetingId: "2025-02-11-putin-witkoff-moscow"}) { edges { node { id } } }
      truthSocial: statements(filter: {sourceId: "truth-social-trump-2025-03-15"}) { edges { node { id } } }
      december: statements(filter: {from: "2025-12-03", to: "2025-12-03", speakerId: "volodymyr-zelensky"}) { totalCount }
      place: statement(id: "zelensky-chance-to-end-war") { place { id country { id } } meeting { id } }
    }`);
    expect(trump.edges.map((e: any) => e.node)).toEqual([
      { id: "trump-february-meeting-length", saidOn: "2025-02" },
      { id: "trump-no-wait-whatsoever", saidOn: "2025-03-15" },
    ]);
    expect(idsOf(february)).toEqual(["trump-february-meeting-length", "witkoff-february-meeting-length"]);
    expect(idsOf(truthSocial)).toEqual(["trump-no-wait-whatsoever"]);
    // Zelensky's remarks are dated only to the month, so a day in December may be theirs.
    expect(december.totalCount).toBe(3);
    expect(place).toEqual({ place: { id: "dublin", country: { id: "IE" } }, meeting: null });
  });

  it("answers null for an unknown statement id", async () => {
    expect((await data(`{ statement(id: "never-said") { id } }`)).statement).toBeNull();
  });
});

/**
 * What the load test sends, each connection in turn: the questions the API guide (docs/api-guide.md) and the web app ask
 * of the seed graph (who met whom, where and how long, who said what, how two people are linked,
 * search), in the shapes the API tests use.
 */
export interface LoadQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const QUERY_MIX: LoadQuery[] = [
  {
    name: "counterparts",
    query: `query ($id: ID!) { person(id: $id) { name counterparts(filter: {from: "2025", to: "2025"}) {
      person { name } meetingCount time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount } } } }`,
    variables: { id: "vladimir-putin" },
  },
  {
    name: "meeting",
    query: `query ($id: ID!) { meeting(id: $id) { title date
      place { name kind within { name } country { name } }
      duration { minutes minMinutes maxMinutes approximate wording source { title } }
      participants { person { name } delegation { id } } } }`,
    variables: { id: "2025-04-11-putin-witkoff-st-petersburg" },
  },
  {
    name: "meetings",
    query: `{ meetings(filter: {countryId: "RU", minDurationMinutes: 241}, orderBy: DURATION_DESC) {
      totalCount edges { node { date title place { name } duration { minutes wording } } } } }`,
  },
  {
    name: "claims",
    query: `query ($id: ID!) { meeting(id: $id) { duration { minutes wording } claims(field: "duration") { value wording preferred source { publisher } } } }`,
    variables: { id: "2025-02-11-putin-witkoff-moscow" },
  },
  {
    name: "statements",
    query: `{ statements(filter: {topicId: "territory-donbas"}) {
      edges { node { speaker { name } saidOn text wordings { text source { id } } meeting { title } } } } }`,
  },
  {
    name: "connectionPath",
    query: `{ connectionPath(fromId: "jared-kushner", toId: "kirill-dmitriev") { from { name } meeting { title } to { name } } }`,
  },
  {
    name: "search",
    query: `query ($q: String!) { search(query: $q) { __typename ... on Person { id } ... on Meeting { id } ... on Place { id } } }`,
    variables: { q: "special envoy" },
  },
];

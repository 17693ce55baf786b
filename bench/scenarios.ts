/**
 * The six scenarios of issue 6 (the web app's pages, issue 24's, are in pages.ts), each written three times side by side: (a) the query a client
 * sends this service, (b) the floor's one hand-written Cypher statement, returning the same JSON
 * shape as (a)'s `data`, and (c) the closest query @neo4j/graphql supports over the schema in
 * neo4jGraphql.graphql. `answer` reduces each response to what must be equal across the three,
 * so the benchmark checks they computed the same thing before it times them.
 */
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY } from "../src/meeting/duration.js";
import { luceneQuery, SEARCH_INDEX, SEARCHABLE } from "../src/search/search.js";
import type { BenchParams } from "./params.js";
import { PAGES } from "./pages.js";

export type ContenderId = "service" | "floor" | "neo4jGraphql";
export const CONTENDERS: ContenderId[] = ["service", "floor", "neo4jGraphql"];

/** A GraphQL request: query and variables, and what to compare of its `data`. */
export interface GraphQLCall {
  query: string;
  /** Sent instead of the query when set, as the web app sends its operations (the document's SHA-256: src/persisted/). */
  persistedHash?: string;
  variables: (p: BenchParams) => Record<string, unknown>;
  answer: (data: any) => unknown;
}

export interface Scenario {
  id: string;
  title: string;
  service: GraphQLCall;
  /**
   * Runs as one auto-commit read; returns one row with a `data` column shaped like the service's
   * `data`, or shaped by `finish` when the answer needs what Cypher alone does not give (a cursor's encoding, a domain rule).
   */
  floor: { cypher: string; params: (p: BenchParams) => Record<string, unknown>; finish?: (data: any) => unknown };
  /** Null when @neo4j/graphql cannot express the scenario. */
  neo4jGraphql: (GraphQLCall & { how: string }) | null;
}

const TIME_FIELDS = "time { minutes minMinutes maxMinutes knownCount approximateCount unknownCount }";
// The duration arithmetic (unknowns apart, bounds, approximate counts) is the service's own
// fragments from src/meeting/duration.ts: written once, and the fastest form found for it.
/** One row `counterpart` per counterpart of `person`, most time together first: the floor's and @neo4j/graphql's @cypher field. */
export const counterpartRows = (person: string, limit: string) => `
  MATCH (${person})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(other:Person)
  WITH other, ${DURATION_FIGURES}
  WITH other, ${DURATION_AGGREGATES}
  ORDER BY minutes DESC, meetingCount DESC, other.name, other.id
  LIMIT ${limit}
  RETURN {person: other {.id, .name}, meetingCount: meetingCount, time: ${DURATION_SUMMARY}} AS counterpart`;
const timeAnswer = (meetingCount: number, time: any) => ({ meetingCount, ...time });

const counterparts: Scenario = {
  id: "counterparts",
  title: "1. A person by id with the top 10 counterparts and their time together",
  service: {
    query: `query Counterparts($id: ID!) {
  person(id: $id) { id name counterparts(first: 10, orderBy: TIME_TOGETHER) { person { id name } meetingCount ${TIME_FIELDS} } }
}`,
    variables: (p) => ({ id: p.person.id }),
    answer: (data) => data.person.counterparts.map((c: any) => [c.person.id, timeAnswer(c.meetingCount, c.time)]),
  },
  floor: {
    cypher: `
MATCH (me:Person {id: $id})
CALL (me) { ${counterpartRows("me", "10")} }
WITH me, collect(counterpart) AS counterparts
RETURN {person: me {.id, .name, counterparts: counterparts}} AS data`,
    params: (p) => ({ id: p.person.id }),
  },
  neo4jGraphql: {
    how: "generated lookup by id; the counterparts aggregation is a @cypher field (no native group-by over a two-hop pattern)",
    query: `query Counterparts($id: ID!) {
  people(where: { id: { eq: $id } }) { id name counterparts(first: 10) { person { id name } meetingCount ${TIME_FIELDS} } }
}`,
    variables: (p) => ({ id: p.person.id }),
    answer: (data) => data.people[0].counterparts.map((c: any) => [c.person.id, timeAnswer(c.meetingCount, c.time)]),
  },
};

/**
 * The meetings `m` of $a that $b attended too. From $a, the busy person, checking $b on each
 * meeting: for the symmetric pattern the planner hash-joins both people's meetings and so reads
 * all of $b's, the hub's (80,880 at 1M meetings against 1,279 of $a's; 4× the database hits).
 */
const MEETINGS_OF_PAIR = `
MATCH (:Person {id: $a})-[:ATTENDED]->(m:Meeting)
WHERE EXISTS { (m)<-[:ATTENDED]-(:Person {id: $b}) }`;

const meetingsBetween: Scenario = {
  id: "meetingsBetween",
  title: "2. meetingsBetween two people, a page of 20, with place and participants",
  service: {
    query: `query Between($ids: [ID!]!) {
  meetingsBetween(personIds: $ids, first: 20) {
    edges { node { id title date place { id name } participants { person { id name } } } }
    pageInfo { hasNextPage }
  }
}`,
    variables: (p) => ({ ids: p.pair }),
    answer: (data) => ({
      hasNextPage: data.meetingsBetween.pageInfo.hasNextPage,
      meetings: data.meetingsBetween.edges.map(({ node }: any) => [node.id, node.place?.id, node.participants.map((x: any) => x.person.id).sort()]),
    }),
  },
  floor: {
    cypher: `
${MEETINGS_OF_PAIR}
WITH m ORDER BY m.dateStart, m.id LIMIT 21
WITH collect(m) AS ms
RETURN {meetingsBetween: {
  edges: [m IN ms[0..20] | {node: m {.id, .title, .date,
    place: [(m)-[:HELD_AT]->(place:Place) | place {.id, .name}][0],
    participants: COLLECT { MATCH (p:Person)-[a:ATTENDED]->(m) WITH p, a ORDER BY a.delegationCountryId, p.name, p.id RETURN {person: p {.id, .name}} }
  }}],
  pageInfo: {hasNextPage: size(ms) > 20}
}} AS data`,
    params: (p) => ({ a: p.pair[0], b: p.pair[1] }),
  },
  neo4jGraphql: {
    how: "generated: the first person's meetingsConnection filtered on the second participant, sorted, first 20",
    query: `query Between($a: ID!, $b: ID!) {
  people(where: { id: { eq: $a } }) {
    meetingsConnection(where: { node: { participants: { some: { id: { eq: $b } } } } }, sort: [{ node: { dateStart: ASC } }, { node: { id: ASC } }], first: 20) {
      edges { node { id title date place { id name } participants { id name } } }
      pageInfo { hasNextPage }
    }
  }
}`,
    variables: (p) => ({ a: p.pair[0], b: p.pair[1] }),
    answer: (data) => {
      const connection = data.people[0].meetingsConnection;
      return {
        hasNextPage: connection.pageInfo.hasNextPage,
        meetings: connection.edges.map(({ node }: any) => [node.id, node.place[0]?.id, node.participants.map((x: any) => x.id).sort()]),
      };
    },
  },
};

const MEETING_PAGE_FIELDS = "id title date";
const filteredAnswer = (connection: any, minutes: (node: any) => number) => ({
  totalCount: connection.totalCount,
  meetings: connection.edges.map(({ node }: any) => [node.id, minutes(node)]),
});

const filteredMeetings: Scenario = {
  id: "filteredMeetings",
  title: "3. Meetings by country, date range and minimum duration, by date, a page of 50, with totalCount",
  service: {
    query: `query Filtered($filter: MeetingFilter!) {
  meetings(filter: $filter, orderBy: DATE_ASC, first: 50) { totalCount edges { node { ${MEETING_PAGE_FIELDS} duration { minutes } } } }
}`,
    variables: (p) => ({ filter: { countryId: p.filter.countryId, from: p.filter.from, to: p.filter.to, minDurationMinutes: p.filter.minDurationMinutes } }),
    answer: (data) => filteredAnswer(data.meetings, (node) => node.duration.minutes),
  },
  floor: {
    cypher: `
MATCH (:Country {id: $countryId})<-[:WITHIN*1..]-(:Place)<-[:HELD_AT]-(m:Meeting)
WHERE m.dateEnd >= date($from) AND m.dateStart <= date($to) AND m.durationMinutes >= $minDurationMinutes
WITH m ORDER BY m.dateStart, m.id
WITH collect(m) AS ms
RETURN {meetings: {totalCount: size(ms), edges: [m IN ms[0..50] | {node: m {.id, .title, .date, duration: {minutes: m.durationMinutes}}}]}} AS data`,
    params: (p) => p.filter,
  },
  neo4jGraphql: {
    how: "generated: meetingsConnection with where/sort/first and totalCount; the place hierarchy is matched one or two levels deep (building → city → country), as variable-length paths cannot be expressed",
    query: `query Filtered($countryId: ID!, $from: Date!, $to: Date!, $min: Int!) {
  meetingsConnection(
    where: {
      dateEnd: { gte: $from }, dateStart: { lte: $to }, durationMinutes: { gte: $min },
      place: { some: { OR: [
        { withinCountry: { some: { id: { eq: $countryId } } } },
        { withinPlace: { some: { withinCountry: { some: { id: { eq: $countryId } } } } } }
      ] } }
    }
    sort: [{ dateStart: ASC }, { id: ASC }]
    first: 50
  ) { totalCount edges { node { ${MEETING_PAGE_FIELDS} durationMinutes } } }
}`,
    variables: (p) => ({ countryId: p.filter.countryId, from: p.filter.from, to: p.filter.to, min: p.filter.minDurationMinutes }),
    answer: (data) => filteredAnswer(data.meetingsConnection, (node) => node.durationMinutes),
  },
};

const timeTogether: Scenario = {
  id: "timeTogether",
  title: "4. timeTogether for a pair with many meetings",
  service: {
    query: `query TimeTogether($ids: [ID!]!) { timeTogether(personIds: $ids) { meetingCount ${TIME_FIELDS} } }`,
    variables: (p) => ({ ids: p.pair }),
    answer: (data) => timeAnswer(data.timeTogether.meetingCount, data.timeTogether.time),
  },
  floor: {
    cypher: `
${MEETINGS_OF_PAIR}
WITH ${DURATION_FIGURES}
WITH ${DURATION_AGGREGATES}
RETURN {timeTogether: {meetingCount: meetingCount, time: ${DURATION_SUMMARY}}} AS data`,
    params: (p) => ({ a: p.pair[0], b: p.pair[1] }),
  },
  neo4jGraphql: {
    how: "generated connection aggregates (count, sums), three aliased connections for the known/approximate counts; maxMinutes' null-when-unknown rule applied by the client",
    query: `query TimeTogether($a: ID!, $b: ID!) {
  people(where: { id: { eq: $a } }) {
    all: meetingsConnection(where: { node: { participants: { some: { id: { eq: $b } } } } }) {
      aggregate { count { nodes } node { durationMinutes { sum } durationMinMinutes { sum } durationMaxMinutes { sum } } }
    }
    known: meetingsConnection(where: { node: { participants: { some: { id: { eq: $b } } }, durationMinutes: { gte: 0 } } }) {
      aggregate { count { nodes } }
    }
    approximate: meetingsConnection(where: { node: { participants: { some: { id: { eq: $b } } }, durationMinutes: { gte: 0 }, durationApproximate: { eq: true } } }) {
      aggregate { count { nodes } }
    }
  }
}`,
    variables: (p) => ({ a: p.pair[0], b: p.pair[1] }),
    answer: (data) => {
      const { all, known, approximate } = data.people[0];
      const count = all.aggregate.count.nodes;
      const sums = all.aggregate.node;
      const knownCount = known.aggregate.count.nodes;
      // Synthetic durations have either all three figures or none, so "every max known" is "every duration known".
      return timeAnswer(count, {
        minutes: sums.durationMinutes.sum ?? 0,
        minMinutes: sums.durationMinMinutes.sum ?? 0,
        maxMinutes: knownCount === count ? (sums.durationMaxMinutes.sum ?? 0) : null,
        knownCount,
        approximateCount: approximate.aggregate.count.nodes,
        unknownCount: count - knownCount,
      });
    },
  },
};

const PATH_FIELDS = "from { id name } to { id name } meeting { id title date }";
/**
 * One row `step` per step of the first shortest path (by ids) from $fromId to $toId within four
 * hops, as connectionPath answers it: the floor's statement and @neo4j/graphql's @cypher field.
 */
export const PATH_STEP_ROWS = `
  MATCH (a:Person {id: $fromId}), (b:Person {id: $toId})
  MATCH path = allShortestPaths((a)-[:ATTENDED*..8]-(b))
  WITH nodes(path) AS ns ORDER BY [n IN nodes(path) | n.id] LIMIT 1
  UNWIND range(0, size(ns) - 3, 2) AS i
  WITH ns[i] AS from, ns[i + 1] AS meeting, ns[i + 2] AS to
  RETURN {from: from {.id, .name}, to: to {.id, .name}, meeting: meeting {.id, .title, .date}} AS step`;
const pathAnswer = (steps: any[] | null) => steps?.map((s) => [s.from.id, s.meeting.id, s.to.id]) ?? null;

const connectionPath: Scenario = {
  id: "connectionPath",
  title: "5. connectionPath between two people three hops apart",
  service: {
    query: `query Path($from: ID!, $to: ID!) { connectionPath(fromId: $from, toId: $to, maxHops: 4) { ${PATH_FIELDS} } }`,
    variables: (p) => ({ from: p.path.from, to: p.path.to }),
    answer: (data) => pathAnswer(data.connectionPath),
  },
  floor: {
    cypher: `RETURN {connectionPath: COLLECT { ${PATH_STEP_ROWS} }} AS data`,
    params: (p) => ({ fromId: p.path.from, toId: p.path.to }),
  },
  neo4jGraphql: {
    how: "not expressible with generated queries (no shortest path); measured through a @cypher Query field holding the floor's Cypher, i.e. the library's overhead around hand-written Cypher",
    query: `query Path($from: ID!, $to: ID!) { connectionPath(fromId: $from, toId: $to) { ${PATH_FIELDS} } }`,
    variables: (p) => ({ from: p.path.from, to: p.path.to }),
    answer: (data) => pathAnswer(data.connectionPath),
  },
};

const searchAnswer = (ids: string[]) => ids;

const search: Scenario = {
  id: "search",
  title: "6. Full-text search",
  service: {
    query: `query Search($q: String!) {
  search(query: $q, first: 20) {
    __typename
    ... on Person { id name } ... on Meeting { id title } ... on Statement { id text }
    ... on Place { id name } ... on Organization { id name } ... on Country { id name }
  }
}`,
    variables: (p) => ({ q: p.searchTerm }),
    answer: (data) => searchAnswer(data.search.map((hit: any) => hit.id)),
  },
  floor: {
    cypher: `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score, [label IN labels(node) WHERE label IN $labels][0] AS label
ORDER BY score DESC, node.id
LIMIT 20
RETURN {search: collect(CASE label
  WHEN 'Meeting' THEN node {__typename: label, .id, .title}
  WHEN 'Statement' THEN node {__typename: label, .id, .text}
  ELSE node {__typename: label, .id, .name} END)} AS data`,
    params: (p) => ({ index: SEARCH_INDEX, query: luceneQuery(p.searchTerm), labels: SEARCHABLE }),
  },
  neo4jGraphql: {
    how: "generated @fulltext query over the same index, limited to Person (it queries one type per field); the term only matches people, so the answers are the same; the client builds the Lucene query",
    query: `query Search($q: String!) {
  searchPeople(phrase: $q, first: 20, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { node { id name } } }
}`,
    variables: (p) => ({ q: luceneQuery(p.searchTerm) }),
    answer: (data) => searchAnswer(data.searchPeople.edges.map((e: any) => e.node.id)),
  },
};

/** Issue 6's six scenarios. */
export const READ_SCENARIOS: Scenario[] = [counterparts, meetingsBetween, filteredMeetings, timeTogether, connectionPath, search];
export const SCENARIOS: Scenario[] = [...READ_SCENARIOS, ...PAGES];

/**
 * The web app's pages as scenarios (issue 24): each operation a page sends on first load is one
 * scenario, measured as the app sends it (the persisted document's hash alone, which the service
 * looks up in web/src/__generated__/persisted-documents.json), so the benchmark follows the app.
 * The person page sends three operations at once (the person with their network, the first page
 * of the timeline, the first page of what they said), the meeting page one, the search page one.
 *
 * (b) is one hand-written statement per operation answering the page's whole `data`, plus the
 * little JavaScript a hand-written handler needs besides: cursors encoded as the service encodes
 * them, and a meeting's conflicts judged by the domain rule (src/model/conflicts.ts) over the
 * claims, place chains and earlier meetings the statement read. (a) and (b) are compared on the
 * whole `data`.
 */
import neo4j from "neo4j-driver";
import { encodeCursor } from "../src/db/pagination.js";
import { DURATION_AGGREGATES, DURATION_FIGURES, DURATION_SUMMARY_WITH_CONSENSUS } from "../src/meeting/duration.js";
import { conflictsOf, LONGEST_TO_DATE } from "../src/model/conflicts.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { luceneQuery, SEARCH_INDEX, SEARCHABLE } from "../src/search/search.js";
import type { BenchParams } from "./params.js";
import type { Scenario } from "./scenarios.js";

/** The web app's operation named `name`: its document and the hash the app sends instead. */
function webOperation(name: string): { query: string; hash: string } {
  for (const [hash, query] of loadManifest())
    if (new RegExp(`^(query|mutation|subscription) ${name}\\b`, "m").test(query.replace(/ (?=query )/g, "\n"))) return { query, hash };
  throw new Error(`The web app has no operation ${name}; run npm run codegen, or update bench/pages.ts to the pages' operations.`);
}

/** Page sizes as the pages ask for them (web/src/pages/PersonPage.tsx, web/src/components/SearchResults.tsx). */
const PERSON_MEETINGS_FIRST = 50;
const PERSON_STATEMENTS_FIRST = 20;
const SEARCH_FIRST = 20;

// Fragments of the floor's statements, one per shape the pages show, named for the variable they project.
const sourceSummary = (s: string) => `${s} {.id, .publisher, .title}`;
const SOURCE_FIELDS = (s: string) => `${s} {.id, .title, .publisher, .publishedOn, .datePrecision, .url, .kind}`;

/** The sources of an edge `a` (relation, attendance), stored as parallel lists. */
const edgeSources = (a: string) => `COLLECT {
  UNWIND range(0, size(coalesce(${a}.sourceIds, [])) - 1) AS i
  MATCH (source:Source {id: ${a}.sourceIds[i]})
  WITH i, source ORDER BY i
  RETURN {basis: coalesce(${a}.bases[i], 'STATED'), excerpt: ${a}.excerpts[i], note: CASE WHEN ${a}.notes[i] <> '' THEN ${a}.notes[i] END, source: ${sourceSummary("source")}}
}`;

const placeFields = (p: string, withKind = false) => `${p} {.id, .name,${withKind ? " .kind," : ""}
  within: [(${p})-[:WITHIN]->(up:Place) | up {.name}][0],
  country: [(${p})-[:WITHIN*1..]->(c:Country) | c {.name}][0]}`;
const placeOf = (m: string) => `[(${m})-[:HELD_AT]->(place:Place) | ${placeFields("place")}][0]`;

const countriesOf = (p: string) => `COLLECT { MATCH (${p})-[:OF_COUNTRY]->(c:Country) WITH c ORDER BY c.name, c.id RETURN c {.id, .name} }`;

const ROLE_FIELDS = `role {.id, .title, .from, .to,
  organization: [(role)-[:AT]->(o:Organization) | o {.name}][0],
  country: [(role)-[:FOR]->(c:Country) | c {.name}][0],
  sources: [(role)-[s:SOURCED_BY]->(source:Source) | {basis: coalesce(s.basis, 'STATED'), excerpt: s.excerpt, note: s.note, source: ${sourceSummary("source")}}]}`;
const rolesOf = (p: string, fields: string) => `COLLECT { MATCH (${p})-[:HOLDS]->(role:Role) WITH role ORDER BY role.title, role.id RETURN ${fields} }`;

/** What the search page and lists show of a person. */
const personSummary = (p: string) =>
  `${p} {.id, .name, aliases: coalesce(${p}.aliases, []), countries: ${countriesOf(p)}, roles: ${rolesOf(p, "role {.title}")}}`;

/** A statement `s` with its wordings, the canonical one first, then by source, a quote before a paraphrase. */
const STATEMENT_FIELDS = `s {.id, .text, .datePrecision, .occasion, madeOn: s.saidOn,
  speaker: [(speaker:Person)-[:SAID]->(s) | speaker {.id, .name}][0],
  meeting: [(s)-[:IN_CONTEXT_OF]->(x:Meeting) | x {.id, .title}][0],
  wordings: COLLECT {
    MATCH (s)-[:HAS_WORDING]->(w:Wording)-[:FROM]->(source:Source)
    WITH w, source, coalesce(w.quoted, s.quoted, false) AS quoted
    ORDER BY w.text = s.text DESC, source.id, quoted DESC
    RETURN {id: w.id, text: w.text, quoted: quoted, attributedTo: w.attributedTo, basis: coalesce(w.basis, 'STATED'), note: w.note, source: ${sourceSummary("source")}}
  }}`;

/** A meeting's preferred duration as copied onto it, with how its claim states the figure. */
const DURATION = `[claim IN [[(m)-[:HAS_DURATION]->(c:DurationClaim) WHERE c.preferred AND c.retractedAt IS NULL | c {.figureMinutes, .bound}][0]] | {
  minutes: m.durationMinutes, minMinutes: m.durationMinMinutes, maxMinutes: m.durationMaxMinutes, wording: m.durationWording,
  hedge: coalesce(m.durationHedge, 'NONE'), figureMinutes: claim.figureMinutes, bound: claim.bound}][0]`;

/**
 * The first `first` rows of a connection in the order `order`, for `p`'s relationship `pattern`
 * to `v`, read one row past the page (whether another follows), as the columns `nodes` and `keys`
 * (each row's order keys, for the cursor).
 */
const pageRows = (pattern: string, v: string, order: string[], first: number, projection: string) => `CALL (p) {
  MATCH ${pattern}
  WITH ${v} ORDER BY ${order.join(", ")} LIMIT ${first + 1}
  RETURN collect(${projection}) AS nodes, collect([${order.join(", ")}]) AS keys
}`;
/** The connection from pageRows' columns, with `totalCount`. */
const connection = (first: number, totalCount: string) =>
  `{edges: [n IN nodes[0..${first}] | {node: n}], hasNextPage: size(nodes) > ${first}, endKeys: keys[0..${first}][-1], totalCount: ${totalCount}}`;

/** The connection `c` as the service answers it: the cursor from the last node's order keys. */
function withPageInfo(c: { edges: unknown[]; hasNextPage: boolean; endKeys: unknown[] | null; totalCount: number }) {
  const { edges, hasNextPage, endKeys, totalCount } = c;
  return { edges, totalCount, pageInfo: { hasNextPage, endCursor: endKeys ? encodeCursor(endKeys) : null } };
}

/** (c)'s selection of a meeting's place: the country one or two levels up (the synthetic graph's depth; variable-length paths cannot be expressed). */
const LIBRARY_PLACE = "place { id name withinPlace { name withinCountry { name } } withinCountry { name } }";
/** (c)'s place as the service answers it. */
function libraryPlace(place: any) {
  if (!place) return null;
  const [within] = place.withinPlace;
  const country = place.withinCountry[0] ?? within?.withinCountry[0];
  return { id: place.id, name: place.name, within: within ? { name: within.name } : null, country: country ? { name: country.name } : null };
}
/** An ISO day as the driver's date, which is how the service's cursors hold a date key. */
const cursorDate = (day: string) => {
  const [year, month, date] = day.split("-").map(Number);
  return new neo4j.types.Date(year!, month!, date!);
};

const TIMELINE_MEETING = `m {.id, .title, .datePrecision, heldOn: m.date, duration: ${DURATION},
  place: ${placeOf("m")},
  participants: COLLECT { MATCH (x:Person)-[a:ATTENDED]->(m) WITH x, a ORDER BY a.delegationCountryId, x.name, x.id RETURN {person: x {.id, .name}} }}`;

const personPage: Scenario = {
  id: "personPage",
  title: "7. Person page: the person, roles, relations, the top 100 counterparts with their first and last meeting, and how many in all",
  service: webCall("PersonPage", (p) => ({ id: p.page.personId })),
  floor: {
    cypher: `
MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(other:Person)
  WHERE other <> p
  WITH other, m, ${DURATION_FIGURES}
  WITH other, ${DURATION_AGGREGATES}, min([m.dateStart, m.id])[1] AS firstId, max([m.dateStart, m.id])[1] AS lastId
  WITH other, firstId, lastId, meetingCount, ${DURATION_SUMMARY_WITH_CONSENSUS} AS time
  ORDER BY time.minutes DESC, meetingCount DESC, other.name, other.id
  WITH collect({other: other, meetingCount: meetingCount, time: time, firstId: firstId, lastId: lastId}) AS ranked
  CALL (ranked) {
    UNWIND range(0, size(ranked[0..100]) - 1) AS rank
    WITH rank, ranked[rank] AS c
    WITH rank, c, c.other AS other
    MATCH (first:Meeting {id: c.firstId}), (last:Meeting {id: c.lastId})
    WITH rank, c, other, first, last ORDER BY rank
    RETURN collect({person: other {.id, .name}, meetingCount: c.meetingCount, time: c.time,
      firstMeeting: first {.id, .datePrecision, heldOn: first.date}, lastMeeting: last {.id, .datePrecision, heldOn: last.date}}) AS counterparts
  }
  RETURN size(ranked) AS counterpartCount, counterparts
}
RETURN {person: p {.id, .name, aliases: coalesce(p.aliases, []), countries: ${countriesOf("p")},
  roles: ${rolesOf("p", ROLE_FIELDS)},
  relations: COLLECT {
    MATCH (p)-[a:RELATED]-(other:Person)
    WITH a, other ORDER BY a.kind, other.name, other.id
    RETURN {kind: a.kind, direction: CASE WHEN startNode(a) = p THEN 'OUTGOING' ELSE 'INCOMING' END, person: other {.id, .name}, sources: ${edgeSources("a")}}
  },
  counterparts: counterparts, counterpartCount: counterpartCount}} AS data`,
    params: (p) => ({ id: p.page.personId }),
  },
  neo4jGraphql: null,
};

const personMeetings: Scenario = {
  id: "personMeetings",
  title: `8. Person page: the timeline, the person's first ${PERSON_MEETINGS_FIRST} meetings by date with place, duration and participants, and how many in all`,
  service: webCall("PersonMeetings", (p) => ({ id: p.page.personId, first: PERSON_MEETINGS_FIRST, after: null })),
  floor: {
    cypher: `
MATCH (p:Person {id: $id})
${pageRows("(p)-[:ATTENDED]->(m:Meeting)", "m", ["m.dateStart", "m.id"], PERSON_MEETINGS_FIRST, TIMELINE_MEETING)}
RETURN {person: {id: p.id, meetings: ${connection(PERSON_MEETINGS_FIRST, "COUNT { (p)-[:ATTENDED]->() }")}}} AS data`,
    params: (p) => ({ id: p.page.personId }),
    finish: (data) => ({ person: data.person && { ...data.person, meetings: withPageInfo(data.person.meetings) } }),
  },
  neo4jGraphql: {
    how:
      "generated: the person's meetingsConnection sorted, first 50, totalCount; participants sorted on the attendance's delegation; the place's country one or two levels up; " +
      "the client fills defaults (hedge), and re-encodes the end cursor the service's way",
    query: `query PersonMeetings($id: ID!, $first: Int!) {
  people(where: { id: { eq: $id } }) {
    id
    meetingsConnection(first: $first, sort: [{ node: { dateStart: ASC } }, { node: { id: ASC } }]) {
      totalCount
      pageInfo { hasNextPage }
      edges { node {
        id title date datePrecision dateStart durationMinutes durationMinMinutes durationMaxMinutes durationWording durationHedge
        durationClaims(where: { preferred: { eq: true } }) { figureMinutes bound }
        ${LIBRARY_PLACE}
        participantsConnection(sort: [{ edge: { delegationCountryId: ASC } }, { node: { name: ASC } }, { node: { id: ASC } }]) { edges { node { id name } } }
      } }
    }
  }
}`,
    variables: (p) => ({ id: p.page.personId, first: PERSON_MEETINGS_FIRST }),
    answer: (data) => {
      const person = data.people[0];
      if (!person) return { person: null };
      const { totalCount, pageInfo, edges } = person.meetingsConnection;
      const meetings = edges.map(({ node: m }: any) => ({
        id: m.id,
        title: m.title,
        datePrecision: m.datePrecision,
        heldOn: m.date,
        duration: {
          minutes: m.durationMinutes,
          minMinutes: m.durationMinMinutes,
          maxMinutes: m.durationMaxMinutes,
          wording: m.durationWording,
          hedge: m.durationHedge ?? "NONE",
          figureMinutes: m.durationClaims[0]?.figureMinutes ?? null,
          bound: m.durationClaims[0]?.bound ?? null,
        },
        place: libraryPlace(m.place[0]),
        participants: m.participantsConnection.edges.map(({ node }: any) => ({ person: { id: node.id, name: node.name } })),
      }));
      const last = edges.at(-1)?.node;
      return {
        person: {
          id: person.id,
          meetings: {
            totalCount,
            edges: meetings.map((node: unknown) => ({ node })),
            pageInfo: { hasNextPage: pageInfo.hasNextPage, endCursor: last ? encodeCursor([cursorDate(last.dateStart), last.id]) : null },
          },
        },
      };
    },
  },
};

const personStatements: Scenario = {
  id: "personStatements",
  title: `9. Person page: what they said, the first ${PERSON_STATEMENTS_FIRST} statements with every source's wording, and how many in all`,
  service: webCall("PersonStatements", (p) => ({ id: p.page.personId, first: PERSON_STATEMENTS_FIRST, after: null })),
  floor: {
    cypher: `
MATCH (p:Person {id: $id})
${pageRows("(p)-[:SAID]->(s:Statement)", "s", ["s.saidOnStart", "s.id"], PERSON_STATEMENTS_FIRST, STATEMENT_FIELDS)}
RETURN {person: {id: p.id, statements: ${connection(PERSON_STATEMENTS_FIRST, "COUNT { (p)-[:SAID]->() }")}}} AS data`,
    params: (p) => ({ id: p.page.personId }),
    finish: (data) => ({ person: data.person && { ...data.person, statements: withPageInfo(data.person.statements) } }),
  },
  neo4jGraphql: {
    how: "generated: the person's statementsConnection sorted, first 20, totalCount, with wordings and their sources; the client orders the wordings (canonical first: an expression the library cannot sort on), fills defaults, and re-encodes the end cursor",
    query: `query PersonStatements($id: ID!, $first: Int!) {
  people(where: { id: { eq: $id } }) {
    id
    statementsConnection(first: $first, sort: [{ node: { saidOnStart: ASC } }, { node: { id: ASC } }]) {
      totalCount
      pageInfo { hasNextPage }
      edges { node {
        id text saidOn saidOnStart datePrecision occasion quoted
        speaker { id name }
        meeting { id title }
        wordings { id text quoted attributedTo basis note source { id publisher title } }
      } }
    }
  }
}`,
    variables: (p) => ({ id: p.page.personId, first: PERSON_STATEMENTS_FIRST }),
    answer: (data) => {
      const person = data.people[0];
      if (!person) return { person: null };
      const { totalCount, pageInfo, edges } = person.statementsConnection;
      const statements = edges.map(({ node: s }: any) => {
        const wordings = s.wordings.map((w: any) => ({ ...w, quoted: w.quoted ?? s.quoted ?? false, basis: w.basis ?? "STATED", source: w.source[0] }));
        const rank = (w: any) => [w.text === s.text ? 0 : 1, w.source.id, w.quoted ? 0 : 1] as const;
        wordings.sort((x: any, y: any) => {
          const [a, b] = [rank(x), rank(y)];
          return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || a[2] - b[2];
        });
        return {
          id: s.id,
          text: s.text,
          datePrecision: s.datePrecision,
          occasion: s.occasion,
          madeOn: s.saidOn,
          speaker: s.speaker[0],
          meeting: s.meeting[0] ?? null,
          wordings,
        };
      });
      const last = edges.at(-1)?.node;
      return {
        person: {
          id: person.id,
          statements: {
            totalCount,
            edges: statements.map((node: unknown) => ({ node })),
            pageInfo: { hasNextPage: pageInfo.hasNextPage, endCursor: last ? encodeCursor([last.saidOnStart && cursorDate(last.saidOnStart), last.id]) : null },
          },
        },
      };
    },
  },
};

/** A claim `c` as the meeting page shows it, with its meeting (which a conflict shows, and the page's own claims do not). */
const CLAIM_FIELDS = `c {.id, .field, .value, .wording, .excerpt, .note, .rankReason,
  basis: coalesce(c.basis, 'STATED'), hedge: coalesce(c.hedge, 'NONE'),
  rank: coalesce(c.rank, CASE WHEN c.preferred THEN 'PREFERRED' ELSE 'NORMAL' END),
  source: [(c)-[:FROM]->(source:Source) | ${sourceSummary("source")}][0],
  claimant: [(c)-[:RELAYS]->(:Statement)<-[:SAID]-(claimant:Person) | claimant {.id, .name}][0],
  meeting: [(owner:Meeting)-[:HAS_CLAIM|HAS_DURATION]->(c) | owner {.id, .title}][0],
  duration: CASE WHEN c:DurationClaim THEN c {.minutes, .minMinutes, .maxMinutes, .figureMinutes, .bound, .wording, hedge: coalesce(c.hedge, 'NONE')} END}`;
const CLAIM_ORDER = "c.field, toInteger(split(c.id, '-')[-1]), c.id";

const timeEstimate = (prefix: "began" | "ended") => `${prefix}: CASE WHEN m.${prefix}Basis IS NOT NULL THEN {
  earliest: m.${prefix}Earliest, latest: m.${prefix}Latest, wording: m.${prefix}Wording, basis: m.${prefix}Basis, note: m.${prefix}Note,
  source: COLLECT { MATCH (source:Source {id: m.${prefix}SourceId}) RETURN ${sourceSummary("source")} }[0]} END`;

type PageClaim = { id: string; field: string; value: string; wording: string | null; source: unknown; meeting?: unknown; duration: any };

const meetingPage: Scenario = {
  id: "meetingPage",
  title: "10. Meeting page: the meeting with participants, statements and their wordings, sources, claims and conflicts",
  service: webCall("MeetingPage", (p) => ({ id: p.page.meetingId })),
  floor: {
    cypher: `
MATCH (m:Meeting {id: $id})
WITH m, COLLECT {
  MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim) WHERE c.retractedAt IS NULL
  WITH c ORDER BY ${CLAIM_ORDER}
  RETURN ${CLAIM_FIELDS}
} AS claims, COLLECT { MATCH (source:Source {id: m.durationSourceId}) RETURN ${SOURCE_FIELDS("source")} }[0] AS durationSource
// What the conflict rules need beyond the claims: the chains of the places claimed when they differ, the earlier meetings of the same people for a record.
CALL (claims) {
  UNWIND [c IN claims WHERE c.field = 'place' | c.value] AS placeId
  WITH DISTINCT placeId
  WITH collect(placeId) AS placeIds WHERE size(placeIds) > 1
  UNWIND placeIds AS placeId
  MATCH path = (:Place {id: placeId})-[:WITHIN*0..]->(up:Place)
  WITH placeId, up ORDER BY placeId, length(path)
  WITH placeId, collect(up {.id, .name}) AS chain
  RETURN collect({id: placeId, chain: chain}) AS placeChains
}
CALL (m, claims) {
  UNWIND [c IN claims WHERE c.field = 'record' AND c.value = $longestToDate][0..1] AS record
  MATCH (m)<-[:ATTENDED]-(:Person)-[:ATTENDED]->(earlier:Meeting)
  WHERE earlier.dateStart < m.dateStart
  WITH earlier, count(*) AS together WHERE together >= 2
  WITH earlier ORDER BY earlier.dateStart, earlier.id
  RETURN collect({date: earlier.date, title: earlier.title, durationClaims: COLLECT {
    MATCH (earlier)-[:HAS_DURATION]->(c:DurationClaim) WHERE c.retractedAt IS NULL
    WITH c ORDER BY ${CLAIM_ORDER}
    RETURN ${CLAIM_FIELDS}
  }}) AS earlierMeetings
}
RETURN {meeting: m {.id, .title, .kind, .datePrecision, .outcome, heldOn: m.date,
  ${timeEstimate("began")}, ${timeEstimate("ended")},
  place: ${placeOf("m")},
  duration: [d IN [${DURATION}] | d {.*, source: durationSource}][0],
  durationConsensus: CASE WHEN m.consensusClaimCount IS NOT NULL THEN {
    minMinutes: m.consensusMinMinutes, maxMinutes: m.consensusMaxMinutes, compatible: coalesce(m.consensusCompatible, false), claimCount: m.consensusClaimCount} END,
  participants: COLLECT {
    MATCH (x:Person)-[a:ATTENDED]->(m)
    WITH x, a ORDER BY a.delegationCountryId, x.name, x.id
    RETURN {person: x {.id, .name}, role: a.role, delegation: COLLECT { MATCH (c:Country {id: a.delegationCountryId}) RETURN c {.id, .name} }[0], sources: ${edgeSources("a")}}
  },
  statements: COLLECT { MATCH (s:Statement)-[:IN_CONTEXT_OF]->(m) WITH s ORDER BY s.saidOnStart, s.id RETURN ${STATEMENT_FIELDS} },
  sources: COLLECT {
    CALL (m) {
      MATCH (m)-[:HAS_CLAIM|HAS_DURATION]->(c:Claim)-[:FROM]->(s:Source) WHERE c.retractedAt IS NULL RETURN s.id AS sourceId
      UNION
      MATCH (:Person)-[a:ATTENDED]->(m) UNWIND a.sourceIds AS sourceId RETURN sourceId
    }
    MATCH (source:Source {id: sourceId})
    WITH source ORDER BY source.id
    RETURN ${SOURCE_FIELDS("source")}
  },
  claims: claims,
  placeChains: placeChains, earlierMeetings: earlierMeetings
}} AS data`,
    params: (p) => ({ id: p.page.meetingId, longestToDate: LONGEST_TO_DATE }),
    finish: (data) => {
      if (!data.meeting) return data;
      const { claims, placeChains, earlierMeetings, ...meeting } = data.meeting as {
        claims: PageClaim[];
        placeChains: { id: string; chain: { id: string; name: string }[] }[];
        earlierMeetings: { date: string; title: string; durationClaims: PageClaim[] }[];
      };
      const conflicts = conflictsOf(claims, { places: new Map(placeChains.map((p) => [p.id, p.chain])), earlierMeetings }).map((conflict) => ({
        field: conflict.field,
        compatible: conflict.compatible,
        explanation: conflict.explanation,
        claims: conflict.claims.map(({ id, meeting, source, value, wording }) => ({ id, meeting, source, value, wording })),
      }));
      return { meeting: { ...meeting, claims: claims.map(({ meeting: _meeting, ...claim }) => claim), conflicts } };
    },
  },
  neo4jGraphql: null,
};

/** Equal scores rank by label in SEARCHABLE's order, as the service ranks them. */
const LABEL_RANK = `CASE label ${SEARCHABLE.map((each, rank) => `WHEN '${each}' THEN ${rank}`).join(" ")} END`;

const searchPage: Scenario = {
  id: "searchPage",
  title: `11. Search page: the first ${SEARCH_FIRST} hits for a person's name, each kind with what the page shows of it`,
  service: webCall("SearchEverything", (p) => ({ query: p.page.personName, first: SEARCH_FIRST })),
  floor: {
    cypher: `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score, [label IN labels(node) WHERE label IN $labels][0] AS label
ORDER BY score DESC, ${LABEL_RANK}, node.id
LIMIT ${SEARCH_FIRST}
WITH label, CASE label
  WHEN 'Person' THEN ${personSummary("node")}
  WHEN 'Meeting' THEN node {.id, .title, .datePrecision, heldOn: node.date, place: ${placeOf("node")}}
  WHEN 'Statement' THEN node {.id, .text, madeOnPrecision: node.datePrecision, madeOn: node.saidOn, quoted: coalesce(node.quoted, false),
    speaker: [(speaker:Person)-[:SAID]->(node) | speaker {.id, .name}][0], meeting: [(node)-[:IN_CONTEXT_OF]->(x:Meeting) | x {.id, .title}][0]}
  WHEN 'Place' THEN ${placeFields("node", true)}
  WHEN 'Organization' THEN node {.id, .name, .kind, country: [(node)-[:BASED_IN]->(c:Country) | c {.id, .name}][0]}
  WHEN 'Country' THEN node {.id, .name}
END AS hit
RETURN {search: collect(hit {.*, __typename: label})} AS data`,
    params: (p) => ({ index: SEARCH_INDEX, query: luceneQuery(p.page.personName), labels: SEARCHABLE }),
  },
  neo4jGraphql: {
    how: "generated @fulltext queries over the same index, one per type (the library queries one type per field), merged by score by the client, which builds the Lucene query",
    query: `query SearchEverything($q: String!, $first: Int!) {
  Person: searchPeople(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node {
    id name aliases countries(sort: [{ name: ASC }, { id: ASC }]) { id name } roles(sort: [{ title: ASC }, { id: ASC }]) { title } } } }
  Meeting: searchMeetings(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node {
    id title datePrecision date ${LIBRARY_PLACE} } } }
  Statement: searchStatements(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node {
    id text datePrecision saidOn quoted speaker { id name } meeting { id title } } } }
  Place: searchPlaces(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node {
    id name kind withinPlace { name withinCountry { name } } withinCountry { name } } } }
  Organization: searchOrganizations(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node {
    id name kind country { id name } } } }
  Country: searchCountries(phrase: $q, first: $first, sort: [{ score: DESC }, { node: { id: ASC } }]) { edges { score node { id name } } }
}`,
    variables: (p) => ({ q: luceneQuery(p.page.personName), first: SEARCH_FIRST }),
    answer: (data) => {
      const hit: Record<string, (node: any) => Record<string, unknown>> = {
        Person: (n) => ({ id: n.id, name: n.name, aliases: n.aliases ?? [], countries: n.countries, roles: n.roles }),
        Meeting: (n) => ({ id: n.id, title: n.title, datePrecision: n.datePrecision, heldOn: n.date, place: libraryPlace(n.place[0]) }),
        Statement: (n) => ({
          id: n.id,
          text: n.text,
          madeOnPrecision: n.datePrecision,
          madeOn: n.saidOn,
          quoted: n.quoted ?? false,
          speaker: n.speaker[0],
          meeting: n.meeting[0] ?? null,
        }),
        Place: (n) => ({ ...libraryPlace(n), kind: n.kind }),
        Organization: (n) => ({ id: n.id, name: n.name, kind: n.kind, country: n.country[0] ?? null }),
        Country: (n) => ({ id: n.id, name: n.name }),
      };
      const hits = SEARCHABLE.flatMap((label, rank) => data[label].edges.map((e: any) => ({ label, rank, score: e.score as number, node: e.node })));
      hits.sort((x, y) => y.score - x.score || x.rank - y.rank || (x.node.id < y.node.id ? -1 : x.node.id > y.node.id ? 1 : 0));
      return { search: hits.slice(0, SEARCH_FIRST).map((h) => ({ __typename: h.label, ...hit[h.label]!(h.node) })) };
    },
  },
};

/** The service's request for the web app's operation `name`: its hash alone, as the app sends it; compared on the whole `data`. */
function webCall(name: string, variables: (p: BenchParams) => Record<string, unknown>): Scenario["service"] {
  const { query, hash } = webOperation(name);
  return { query, persistedHash: hash, variables, answer: (data) => data };
}

export const PAGES: Scenario[] = [personPage, personMeetings, personStatements, meetingPage, searchPage];

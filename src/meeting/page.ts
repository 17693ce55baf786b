/**
 * One meeting with what its page shows, in one statement: `meeting(id)` reads the lists its client
 * selected (claims, participants, statements with their wordings, sources, what conflicts are
 * judged from) and the nodes they point to, and primes the request's loaders with them, so the
 * nested resolvers, unchanged, find their data without a round trip per level. Every part is a
 * fragment the loaders read by id too, so both paths read the same records.
 */
import type DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
import type { Context } from "../context.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { byRequest } from "../db/loaders.js";
import { selects } from "../graphql/lookahead.js";
import { LONGEST_TO_DATE, type EarlierMeeting, type PlaceChain } from "../model/conflicts.js";
import { COUNTRY_FIELDS, type CountryRecord } from "../country/country.js";
import { PERSON_FIELDS, type PersonRecord } from "../person/person.js";
import { PLACE_FIELDS, type PlaceRecord } from "../place/place.js";
import { SOURCE_FIELDS, type SourceRecord } from "../source/source.js";
import { primeStatement, selectedStatementParts, statementPageFields, type StatementPagePart, type StatementPageRecord } from "../statement/statement.js";
import { claimsOfMeeting, type ClaimRecord } from "./claimFields.js";
import { EARLIER_MEETINGS, PLACE_CHAIN } from "./conflicts.js";
import {
  MEETING_FIELDS,
  PARTICIPANTS_OF_MEETING,
  SOURCE_IDS_OF_MEETING,
  STATEMENT_IDS_OF_MEETING,
  type MeetingRecord,
  type ParticipantRecord,
} from "./meeting.js";

type Loaders = Context["loaders"];

/** The lists read with meeting `m`, each by the fragment its loader reads by meeting id, and the Meeting fields that show them. */
const LISTS = {
  claims: { fields: ["claims", "conflicts"], cypher: claimsOfMeeting(false) },
  participants: { fields: ["participants"], cypher: PARTICIPANTS_OF_MEETING },
  statementIds: { fields: ["statements"], cypher: STATEMENT_IDS_OF_MEETING },
  sourceIds: { fields: ["sources"], cypher: SOURCE_IDS_OF_MEETING },
};
type ListName = keyof typeof LISTS;
const LIST_NAMES = Object.keys(LISTS) as ListName[];

/**
 * What is read from the lists, each with the Meeting field that selects it: the statements with
 * the parts selected below them (in a subquery that sees only their ids: a statement's projection
 * names a meeting `m` of its own), and what the conflict rules read beyond the claims (the chain
 * of every place claimed, and the earlier meetings when a claim is a record).
 */
const DETAILS = {
  statements: {
    field: "statements",
    cypher: ({ statementParts }: PageRequest) => `COLLECT {
    CALL (statementIds) {
      UNWIND statementIds AS statementId
      MATCH (s:Statement {id: statementId})
      RETURN ${statementPageFields(statementParts)} AS statement
    }
    RETURN statement
  }`,
  },
  placeChains: {
    field: "conflicts",
    cypher: () => `COLLECT {
    UNWIND [x IN claims WHERE x.field = 'place' | x.value] AS placeId
    WITH DISTINCT placeId
    RETURN {id: placeId, chain: ${PLACE_CHAIN}}
  }`,
  },
  earlierMeetings: {
    field: "conflicts",
    cypher: () => `CASE WHEN any(x IN claims WHERE x.field = 'record' AND x.value = $longestToDate) THEN ${EARLIER_MEETINGS} END`,
  },
};
type DetailName = keyof typeof DETAILS;
const DETAIL_NAMES = Object.keys(DETAILS) as DetailName[];

/** The nodes the page's fields point to, read by id as their loaders read them. */
const NODES = {
  sources: { variable: "s", label: "Source", fields: SOURCE_FIELDS },
  people: { variable: "p", label: "Person", fields: PERSON_FIELDS },
  countries: { variable: "c", label: "Country", fields: COUNTRY_FIELDS },
  places: { variable: "p", label: "Place", fields: PLACE_FIELDS },
};
type NodeName = keyof typeof NODES;

/**
 * The nodes a selected path below the meeting points to, as a list of ids over the columns read
 * before (a path's first field is what selects the column). The earlier meetings a record is
 * measured against are not read whole: only a conflict's judgement tells which of them it shows,
 * so their records cost one more statement, for a meeting with a record claim only.
 */
const REFERENCES: { path: string; nodes: NodeName; ids: string }[] = [
  { path: "claims.source", nodes: "sources", ids: "[x IN claims | x.sourceId]" },
  { path: "claims.duration.source", nodes: "sources", ids: "[x IN claims | x.sourceId]" },
  { path: "claims.claimant", nodes: "people", ids: "[x IN claims | x.claimantId]" },
  { path: "conflicts.claims.claimant", nodes: "people", ids: "[x IN claims | x.claimantId]" },
  {
    path: "conflicts.claims.source",
    nodes: "sources",
    ids: "[x IN claims | x.sourceId] + reduce(ids = [], e IN coalesce(earlierMeetings, []) | ids + [x IN e.durationClaims | x.sourceId])",
  },
  { path: "participants.delegation", nodes: "countries", ids: "[x IN participants | x.delegationCountryId]" },
  { path: "participants.sources.source", nodes: "sources", ids: "reduce(ids = [], x IN participants | ids + [ref IN x.sources | ref.sourceId])" },
  { path: "sources", nodes: "sources", ids: "sourceIds" },
  { path: "duration.source", nodes: "sources", ids: "[meeting.durationSourceId]" },
  { path: "began.source", nodes: "sources", ids: "[meeting.began.sourceId]" },
  { path: "ended.source", nodes: "sources", ids: "[meeting.ended.sourceId]" },
  { path: "place.within", nodes: "places", ids: "[meeting.place.withinId]" },
  { path: "place.country", nodes: "countries", ids: "[meeting.place.countryId]" },
  { path: "country", nodes: "countries", ids: "[meeting.place.countryId]" },
];

/** What a page request reads: the meeting, and the lists, details and references its selection needs. */
interface PageRequest {
  id: string;
  lists: ListName[];
  details: DetailName[];
  references: string[];
  /** What each statement is read with (STATEMENT_PAGE_PARTS), when the statements are. */
  statementParts: StatementPagePart[];
}

interface PageRow {
  meeting: MeetingRecord;
  claims?: ClaimRecord[];
  participants?: ParticipantRecord[];
  statementIds?: string[];
  sourceIds?: string[];
  statements?: StatementPageRecord[];
  placeChains?: { id: string; chain: PlaceChain }[];
  earlierMeetings?: EarlierMeeting<ClaimRecord>[] | null;
  sources?: SourceRecord[];
  people?: PersonRecord[];
  countries?: CountryRecord[];
  places?: PlaceRecord[];
}

function pageCypher(request: PageRequest): string {
  const { lists, details, references } = request;
  const listColumns = lists.map((name) => `${LISTS[name].cypher} AS ${name}`);
  const detailColumns = details.map((name) => `${DETAILS[name].cypher(request)} AS ${name}`);
  const chosen = REFERENCES.filter(({ path }) => references.includes(path));
  const nodeColumns = (Object.keys(NODES) as NodeName[]).flatMap((name) => {
    const ids = [...new Set(chosen.filter((r) => r.nodes === name).map((r) => r.ids))];
    if (ids.length === 0) return [];
    const { variable, label, fields } = NODES[name];
    return [
      `${name}: COLLECT {
    UNWIND ${ids.join(" + ")} AS nodeId
    WITH DISTINCT nodeId WHERE nodeId IS NOT NULL
    MATCH (${variable}:${label} {id: nodeId})
    RETURN ${fields}
  }`,
    ];
  });
  return `
UNWIND $requests AS r
MATCH (m:Meeting {id: r.id})
WITH ${["r", "m", ...listColumns].join(",\n  ")}
WITH ${["r", "m", ...lists, `${MEETING_FIELDS} AS meeting`, ...detailColumns].join(",\n  ")}
RETURN r.index AS index, {${["meeting: meeting", ...[...lists, ...details].map((name) => `${name}: ${name}`), ...nodeColumns].join(",\n  ")}} AS value`;
}

export function createMeetingPageLoaders(db: Neo4jExecutor) {
  return {
    meetingPage: byRequest<PageRequest, PageRow | null>(db, "meetings.page", pageCypher, null, () => ({ longestToDate: LONGEST_TO_DATE })),
  };
}

/** Every entry of `nodes` primed into the loader that reads them by id. */
function primeNodes<T extends { id: string }>(loader: DataLoader<string, T | null>, nodes: T[] | undefined) {
  for (const node of nodes ?? []) loader.prime(node.id, node);
}

/** Gives each loader what the page read, so the resolvers below the meeting load it from the cache. */
function prime(loaders: Loaders, id: string, row: PageRow) {
  loaders.meetingById.prime(id, row.meeting);
  if (row.claims) loaders.claimsByMeeting.prime(id, row.claims);
  if (row.participants) loaders.meetingParticipants.prime(id, row.participants);
  if (row.statementIds) loaders.meetingStatementIds.prime(id, row.statementIds);
  if (row.sourceIds) loaders.meetingSourceIds.prime(id, row.sourceIds);
  for (const statement of row.statements ?? []) primeStatement(loaders, statement);
  for (const { id: placeId, chain } of row.placeChains ?? []) loaders.conflictPlaceChains.prime(placeId, chain);
  if (row.earlierMeetings) loaders.conflictEarlierMeetings.prime(id, row.earlierMeetings);
  primeNodes(loaders.sourceById, row.sources);
  primeNodes(loaders.personById, row.people);
  primeNodes(loaders.countryById, row.countries);
  primeNodes(loaders.placeById, row.places);
}

/**
 * Query.meeting: by id alone when the client selected nothing below the meeting that a list or a
 * referenced node would cost, else the page's one statement.
 */
export async function loadMeeting(loaders: Loaders, id: string, info: GraphQLResolveInfo): Promise<MeetingRecord | null> {
  const selected = (path: string) => selects(info, path.split("."));
  const fields = new Set(["claims", "conflicts", "participants", "statements", "sources"].filter(selected));
  const lists = LIST_NAMES.filter((name) => LISTS[name].fields.some((field) => fields.has(field)));
  const details = DETAIL_NAMES.filter((name) => fields.has(DETAILS[name].field));
  const references = REFERENCES.map((r) => r.path).filter(selected);
  if (lists.length === 0 && references.length === 0) return loaders.meetingById.load(id);
  // The statements' meeting is this one, primed below.
  const statementParts = details.includes("statements") ? selectedStatementParts(info, ["statements"]).filter((part) => part !== "meeting") : [];
  const row = await loaders.meetingPage.load({ id, lists, details, references, statementParts });
  if (!row) return null;
  prime(loaders, id, row);
  return row.meeting;
}

/** Full-text search over one Neo4j full-text index spanning every searchable label (migration 2). */
import { COUNTRY_FIELDS, type CountryRecord } from "../country/country.js";
import type { Context } from "../context.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { badUserInput } from "../graphql/errors.js";
import { normalizeText } from "../graphql/input.js";
import { connectionLoader } from "../db/connections.js";
import { selectedNames, selects, type Selection } from "../graphql/lookahead.js";
import { loadConnection, pageSize, type Connection, type Edge, type PageArgs } from "../db/pagination.js";
import { meetingFields, type MeetingRecord } from "../meeting/meeting.js";
import { ORGANIZATION_FIELDS, type OrganizationRecord } from "../organization/organization.js";
import { countriesOf, PERSON_FIELDS, rolesOf, type PersonRecord, type RoleRecord } from "../person/person.js";
import { PLACE_LINK_NAMES, placeFields, type PlaceLink, type PlaceRecord } from "../place/place.js";
import { STATEMENT_FIELDS, type StatementRecord } from "../statement/statement.js";

export const SEARCH_INDEX = "meetgraph_search";
export const SEARCHABLE = ["Person", "Meeting", "Statement", "Place", "Organization", "Country"] as const;
export type SearchableLabel = (typeof SEARCHABLE)[number];

const MAX_QUERY_LENGTH = 200;

/** Equal scores rank by label in SEARCHABLE's order: people first. */
const LABEL_RANK = (label: string) => `CASE ${label} ${SEARCHABLE.map((each, rank) => `WHEN '${each}' THEN ${rank}`).join(" ")} END`;

/**
 * What a page of hits reads besides each hit's own fields, as the client selected it (a search
 * page shows each person's roles and countries, each place's parent and country): read in the
 * search's statement, so the page costs one. The selection is read across the union's members:
 * a field one of them selects is read for the member that has it.
 */
export interface HitParts {
  roles: boolean;
  countries: boolean;
  /** The links of a place hit, and of a meeting hit's place, read as records (see placeFields). */
  placeRecords: PlaceLink[];
  meetingPlaceRecords: PlaceLink[];
}

const NO_PARTS: HitParts = { roles: false, countries: false, placeRecords: [], meetingPlaceRecords: [] };

const linksSelectedBelow = (info: Selection, path: string[]) => PLACE_LINK_NAMES.filter((link) => selectedNames(info, [...path, link]).length > 0);

export const hitParts = (info: Selection): HitParts => ({
  roles: selects(info, ["roles"]),
  countries: selects(info, ["countries"]),
  placeRecords: linksSelectedBelow(info, []),
  meetingPlaceRecords: linksSelectedBelow(info, ["place"]),
});

/** A person hit's record with the parts asked for; the person is `node` itself, as the parts' subqueries bind a `p` of their own. */
const personHit = (node: string, { roles, countries }: HitParts) => {
  const person = `[p IN [${node}] | ${PERSON_FIELDS}][0]`;
  const parts = [roles ? `roles: ${rolesOf(node)}` : "", countries ? `countries: ${countriesOf(node)}` : ""].filter(Boolean);
  return parts.length === 0 ? person : `[hit IN [${person}] | hit {.*, ${parts.join(", ")}}][0]`;
};

/** The record of hit `node` with label `label`, tagged with its GraphQL type: a comprehension over [node] binds the variable each label's projection is written for. */
const HIT_RECORD = (node: string, label: string, parts = NO_PARTS) => `[record IN [CASE ${label}
  WHEN 'Person' THEN ${personHit(node, parts)}
  WHEN 'Meeting' THEN [m IN [${node}] | ${meetingFields(parts.meetingPlaceRecords)}][0]
  WHEN 'Statement' THEN [s IN [${node}] | ${STATEMENT_FIELDS}][0]
  WHEN 'Place' THEN [p IN [${node}] | ${placeFields(PLACE_LINK_NAMES, parts.placeRecords)}][0]
  WHEN 'Organization' THEN [o IN [${node}] | ${ORGANIZATION_FIELDS}][0]
  WHEN 'Country' THEN [c IN [${node}] | ${COUNTRY_FIELDS}][0]
END] | record {.*, __typename: ${label}}][0]`;

// One index, so scores are comparable across labels and the union comes ranked from one
// statement, with each hit's record, in one row. Lucene gives every prefix match the same score
// ("witk" matches a person and the meetings named after them alike), hence LABEL_RANK. Only the
// hits scoring at least the page's last score can make the page, so only they are read for their
// label and id: a common name matches far more nodes than a page holds.
const search = (parts: HitParts) => `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score ORDER BY score DESC
WITH collect(node) AS nodes, collect(score) AS scores
WITH nodes, scores, scores[toInteger($first) - 1] AS lastScore
UNWIND range(0, size(nodes) - 1) AS i
WITH nodes[i] AS node, scores[i] AS score, lastScore
WHERE lastScore IS NULL OR score >= lastScore
WITH node, score, [label IN labels(node) WHERE label IN $labels][0] AS label
ORDER BY score DESC, ${LABEL_RANK("label")}, node.id
LIMIT toInteger($first)
RETURN collect(${HIT_RECORD("node", "label", parts)}) AS hits`;

/** The hits of `f.query` as `hit`: the node, its score, label and label's rank, for searchResults' pages. */
const SEARCH_MATCH = `
CALL db.index.fulltext.queryNodes('${SEARCH_INDEX}', f.query) YIELD node, score
WITH r, node, score, [label IN labels(node) WHERE label IN [${SEARCHABLE.map((label) => `'${label}'`).join(", ")}]][0] AS label
WITH r, {node: node, score: score, label: label, rank: ${LABEL_RANK("label")}} AS hit`;

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * The user's words as a Lucene query that cannot fail to parse: specials escaped, operators
 * lower-cased into plain words, each word matched whole (ranks higher) or as a prefix.
 */
export function luceneQuery(text: string): string {
  const words = normalizeText(text)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(LUCENE_SPECIAL, "\\$&"));
  return words.map((w) => `${w} ${w}*`).join(" ");
}

/** A search result: the member's record, tagged with its GraphQL type. */
export type SearchHit =
  | (PersonHit & { __typename: "Person" })
  | (MeetingRecord & { __typename: "Meeting" })
  | (StatementRecord & { __typename: "Statement" })
  | (PlaceRecord & { __typename: "Place" })
  | (OrganizationRecord & { __typename: "Organization" })
  | (CountryRecord & { __typename: "Country" });

/** A person hit, with the parts read for it (HitParts), which primeHitParts hands the loaders. */
type PersonHit = PersonRecord & { roles?: RoleRecord[]; countries?: CountryRecord[] };

export type SearchConnectionRecord = Connection<SearchHit>;
export type SearchEdgeRecord = Edge<SearchHit>;

/** The user's words as the Lucene query to run, or BAD_USER_INPUT on `query`. */
function searchQuery(text: string): string {
  if (!text.trim()) throw badUserInput("query", "must not be blank");
  if (text.length > MAX_QUERY_LENGTH) throw badUserInput("query", `must be at most ${MAX_QUERY_LENGTH} characters`);
  return luceneQuery(text);
}

/** The statement of each selection, built once: searches are frequent, and the selections few. */
const statements = new Map<string, string>();
const searchFor = (parts: HitParts) => {
  const key = JSON.stringify(parts);
  let statement = statements.get(key);
  if (statement === undefined) statements.set(key, (statement = search(parts)));
  return statement;
};

export async function searchGraph(db: Neo4jExecutor, text: string, first: number | null | undefined, parts = NO_PARTS): Promise<SearchHit[]> {
  const limit = pageSize(first);
  const query = searchQuery(text);
  if (limit === 0) return [];
  const [row] = await db.read<{ hits: SearchHit[] }>("search", searchFor(parts), { index: SEARCH_INDEX, query, labels: SEARCHABLE, first: limit });
  return row?.hits ?? [];
}

/** Hands the parts read with the person hits to the loaders their fields read from, so those fields cost no statement. */
export function primeHitParts({ personRoles, personCountryIds, countryById }: Context["loaders"], hits: SearchHit[]): void {
  for (const hit of hits) {
    if (hit.__typename !== "Person") continue;
    if (hit.roles) personRoles.prime(hit.id, hit.roles);
    if (!hit.countries) continue;
    personCountryIds.prime(
      hit.id,
      hit.countries.map((c) => c.id),
    );
    for (const country of hit.countries) countryById.prime(country.id, country);
  }
}

/** Built once: the loaders are made for every request, and HIT_RECORD is long. */
const SEARCH_CONNECTION = {
  node: "hit",
  match: SEARCH_MATCH,
  order: [{ by: "hit.score", descending: true }, { by: "hit.rank" }, { by: "hit.node.id" }],
  fields: HIT_RECORD("hit.node", "hit.label"),
};

export function createSearchLoaders(db: Neo4jExecutor) {
  return { searchConnection: connectionLoader<{ query: string }, SearchHit>(db, "search", SEARCH_CONNECTION) };
}

/** Query.searchResults: `search`'s results a page at a time. */
export const searchConnection = (
  loaders: ReturnType<typeof createSearchLoaders>,
  text: string,
  args: PageArgs,
  info: Selection,
): Promise<SearchConnectionRecord> => loadConnection(loaders.searchConnection, { query: searchQuery(text) }, args, info);

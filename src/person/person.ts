/** People: the record, their roles, relations and countries, and the people connection. */
import type { EvidenceBasis } from "../__generated__/resolvers.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { connectionLoader, EDGE_SOURCES, listsOfCypher } from "../db/connections.js";
import { COUNTRY_FIELDS } from "../country/country.js";
import { normalizedCypher } from "../graphql/input.js";
import { listsById, nodesById } from "../db/loaders.js";
import type { Connection, Edge } from "../db/pagination.js";

/** A Person node as stored. */
export interface PersonRecord {
  id: string;
  name: string;
  /** Absent when a page's client did not select them (see personFields); Person.aliases then reads them by id. */
  aliases?: string[];
}
export type PersonConnectionRecord = Connection<PersonRecord>;
export type PersonEdgeRecord = Edge<PersonRecord>;

export interface SourceRefRecord {
  sourceId: string;
  excerpt: string | null;
  basis: EvidenceBasis;
  note: string | null;
}

export interface RoleRecord {
  id: string;
  title: string;
  from: string | null;
  to: string | null;
  organizationId: string | null;
  countryId: string | null;
  sources: SourceRefRecord[];
}

export interface RelationRecord {
  kind: string;
  direction: "OUTGOING" | "INCOMING";
  personId: string;
  sources: SourceRefRecord[];
}

/** What the people connection filters on; `search` is already normalized (see graphql/input.ts). */
export interface PeopleFilter {
  search?: string;
  countryId?: string;
}

/** Projects person `p` into a PersonRecord, with or without the aliases. */
export const personFields = (withAliases: boolean) => `p {.id, .name${withAliases ? ", aliases: coalesce(p.aliases, [])" : ""}}`;
export const PERSON_FIELDS = personFields(true);

/** Binds `p` to the person with `id`, or the survivor a merged-away `id` points to (src/curation/person.ts); no row when neither exists. */
export const PERSON_LOOKUP = `
OPTIONAL MATCH (direct:Person {id: id})
OPTIONAL MATCH (:PersonRedirect {id: id})-[:MERGED_INTO]->(survivor:Person)
WITH id, coalesce(direct, survivor) AS p
WHERE p IS NOT NULL`;

export const PEOPLE_BY_ID = `
UNWIND $ids AS id
${PERSON_LOOKUP}
RETURN id, ${PERSON_FIELDS} AS node`;

const PEOPLE_MATCH = `
MATCH (p:Person)
WHERE (f.search IS NULL OR any(name IN [p.name] + coalesce(p.aliases, []) WHERE ${normalizedCypher("name")} CONTAINS f.search))
  AND (f.countryId IS NULL OR EXISTS { (p)-[:OF_COUNTRY]->(:Country {id: f.countryId}) })`;

/** The roles of person `person`, by title. */
export const rolesOf = (person: string) => `COLLECT {
  MATCH (${person})-[:HOLDS]->(role:Role)
  WITH role ORDER BY role.title, role.id
  RETURN role {
    .id, .title, .from, .to,
    organizationId: [(role)-[:AT]->(o:Organization) | o.id][0],
    countryId: [(role)-[:FOR]->(c:Country) | c.id][0],
    sources: [(role)-[s:SOURCED_BY]->(source:Source) | {sourceId: source.id, excerpt: s.excerpt, basis: coalesce(s.basis, 'STATED'), note: s.note}]
  }
}`;

/** The relations of person `person` to other people, by kind and name. */
export const relationsOf = (person: string) => `COLLECT {
  MATCH (${person})-[a:RELATED]-(other:Person)
  WITH a, other ORDER BY a.kind, other.name, other.id
  RETURN {
    kind: a.kind,
    direction: CASE WHEN startNode(a) = ${person} THEN 'OUTGOING' ELSE 'INCOMING' END,
    personId: other.id,
    sources: ${EDGE_SOURCES}
  }
}`;

/** The countries of person `person` as CountryRecords, by name. */
export const countriesOf = (person: string) => `COLLECT {
  MATCH (${person})-[:OF_COUNTRY]->(c:Country)
  WITH DISTINCT c ORDER BY c.name, c.id
  RETURN ${COUNTRY_FIELDS}
}`;

export const ROLES = listsOfCypher("person", "Person", rolesOf("person"));
export const RELATIONS = listsOfCypher("person", "Person", relationsOf("person"));
export const COUNTRY_IDS = listsOfCypher("person", "Person", `[c IN ${countriesOf("person")} | c.id]`);

export function createPersonLoaders(db: Neo4jExecutor) {
  return {
    personById: nodesById<PersonRecord>(db, "people.byId", PEOPLE_BY_ID),
    personConnection: connectionLoader<PeopleFilter, PersonRecord>(db, "people", {
      node: "p",
      match: PEOPLE_MATCH,
      order: [{ by: "p.name" }, { by: "p.id" }],
      fields: PERSON_FIELDS,
    }),
    personRoles: listsById<RoleRecord>(db, "people.roles", ROLES),
    personRelations: listsById<RelationRecord>(db, "people.relations", RELATIONS),
    personCountryIds: listsById<string>(db, "people.countryIds", COUNTRY_IDS),
  };
}

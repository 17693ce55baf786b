/**
 * `person(id:)` with what the client selected below it, in one statement: a person page asks
 * for the person, their roles, relations and countries, a ranking of counterparts and how many
 * there are, and each of those read apart was one more statement, most of them one wave later.
 * The statement's answers are put in the loaders the Person fields read, so the fields resolve
 * as they would otherwise, from the cache.
 */
import { isDeepStrictEqual } from "node:util";
import { getArgumentValues, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from "graphql";
import type DataLoader from "dataloader";
import type { Person, PersonCounterpartCountArgs, PersonCounterpartsArgs, PersonMeetingsArgs, PersonStatementsArgs } from "../__generated__/resolvers.js";
import { COUNTRY_FIELDS, type CountryRecord } from "../country/country.js";
import { ORGANIZATION_FIELDS, type OrganizationRecord } from "../organization/organization.js";
import { SOURCE_FIELDS, type SourceRecord } from "../source/source.js";
import type { Neo4jExecutor } from "../db/executor.js";
import { byRequest } from "../db/loaders.js";
import { selectedFields, type Selection } from "../graphql/lookahead.js";
import type { Context } from "../context.js";
import type { ConnectionLoader, PageKey, PageRows } from "../db/pagination.js";
import { DEFAULT_MEETING_ORDER, meetingFilter, withParticipants, type MeetingFilterParams } from "../meeting/filter.js";
import { meetingPageRequest, type MeetingRecord } from "../meeting/meeting.js";
import { statementPageRequest, type StatementFilterParams, type StatementPageRecord } from "../statement/statement.js";
import { counterpartRanking, countedCounterpartRanking, rankingRequest, type CounterpartRecord, type RankingRequest } from "./counterparts.js";
import { countriesOf, PERSON_FIELDS, PERSON_LOOKUP, relationsOf, rolesOf, type PersonRecord, type RelationRecord, type RoleRecord } from "./person.js";

/**
 * The nodes the person's roles and relations point to, each read with the page when the client
 * selects it (at `path` below the person), for the loaders that read them by id.
 */
const REFERENCES = {
  organizations: {
    paths: [["roles", "organization"]],
    cypher: `COLLECT { MATCH (person)-[:HOLDS]->(:Role)-[:AT]->(o:Organization) RETURN DISTINCT ${ORGANIZATION_FIELDS} }`,
  },
  roleCountries: {
    paths: [["roles", "country"]],
    cypher: `COLLECT { MATCH (person)-[:HOLDS]->(:Role)-[:FOR]->(c:Country) RETURN DISTINCT ${COUNTRY_FIELDS} }`,
  },
  people: {
    paths: [["relations", "person"]],
    cypher: `COLLECT { MATCH (person)-[:RELATED]-(p:Person) RETURN DISTINCT ${PERSON_FIELDS} }`,
  },
  sources: {
    paths: [
      ["roles", "sources", "source"],
      ["relations", "sources", "source"],
    ],
    cypher: `COLLECT {
    CALL (person) {
      MATCH (person)-[:HOLDS]->(:Role)-[:SOURCED_BY]->(s:Source) RETURN s
      UNION
      MATCH (person)-[a:RELATED]-(:Person) UNWIND a.sourceIds AS sourceId MATCH (s:Source {id: sourceId}) RETURN s
    }
    RETURN ${SOURCE_FIELDS}
  }`,
  },
};
type Reference = keyof typeof REFERENCES;
const REFERENCE_NAMES = Object.keys(REFERENCES) as Reference[];

/** What one person's page reads besides the person: each part only when selected. */
interface PersonPageRequest {
  id: string;
  /** The keys of the person's pages of meetings and of statements, read in the page's statement (see pagesOf). */
  meetings?: PageKey<MeetingFilterParams>;
  statements?: PageKey<StatementFilterParams>;
  counterparts?: RankingRequest;
  /** Whether `counterpartCount` is selected with the ranking's filter: then the ranking counts. */
  counted: boolean;
  roles: boolean;
  relations: boolean;
  countries: boolean;
  references?: Reference[];
}

interface PersonPage {
  person: PersonRecord;
  counterparts?: CounterpartRecord[];
  counterpartCount?: number;
  roles?: RoleRecord[];
  relations?: RelationRecord[];
  countries?: CountryRecord[];
  organizations?: OrganizationRecord[];
  roleCountries?: CountryRecord[];
  people?: PersonRecord[];
  sources?: SourceRecord[];
  meetingsPage?: PageRows<MeetingRecord> | null;
  statementsPage?: PageRows<StatementPageRecord> | null;
}

/**
 * The person is bound as `person`, never `p`: the parts' subqueries bind a `p` of their own, and
 * Neo4j 5.26 bound such a `p` to an imported one (see otherParticipantsOf in src/meeting/filter.ts).
 * The request is `pr`: a page's subquery reads its own request as `r`, and may not shadow one.
 */
const personPage = (loaders: PageLoaders) => (request: PersonPageRequest) => {
  const ranking = request.counterparts;
  const pages = PAGE_NAMES.filter((name) => request[name]);
  const parts = [
    ranking ? "counterparts: value" : "",
    request.counted ? "counterpartCount: counterpartCount" : "",
    request.roles ? `roles: ${rolesOf("person")}` : "",
    request.relations ? `relations: ${relationsOf("person")}` : "",
    request.countries ? `countries: ${countriesOf("person")}` : "",
    ...(request.references ?? []).map((name) => `${name}: ${REFERENCES[name].cypher}`),
    ...pages.map((name) => `${name}Page: ${name}Page`),
  ].filter(Boolean);
  return `
UNWIND $requests AS pr
CALL (pr) {
  WITH pr.id AS id
  ${PERSON_LOOKUP}
  RETURN p AS person
}${
    ranking
      ? `
CALL (pr, person) {
  WITH person AS me, pr.counterparts AS cr
  ${(request.counted ? countedCounterpartRanking : counterpartRanking)(ranking)}
}`
      : ""
  }${pages
    .map(
      (name) => `
OPTIONAL CALL (pr) {
  WITH pr.${name} AS r${loaders[name].subquery(request[name] as PageKey<never>, `${name}Page`)}
}`,
    )
    .join("")}
RETURN pr.index AS index, {${[`person: [p IN [person] | ${PERSON_FIELDS}][0]`, ...parts].join(", ")}} AS value`;
};

/** The connections a person's page may read with the person. */
const PAGE_NAMES = ["meetings", "statements"] as const;
interface PageLoaders {
  meetings: ConnectionLoader<MeetingFilterParams, MeetingRecord>;
  statements: ConnectionLoader<StatementFilterParams, StatementPageRecord>;
}

export function createPersonPageLoaders(db: Neo4jExecutor, pages: PageLoaders) {
  return { personPage: byRequest<PersonPageRequest, PersonPage | null>(db, "people.page", personPage(pages), null) };
}

/**
 * The Person field `name` selected below `info`'s field, with its arguments; undefined when it is
 * not selected exactly once, or its arguments are wrong (the field itself then says so, at its path).
 */
function selectedOnce<Args>(info: GraphQLResolveInfo, name: keyof Person): { node: FieldNode; args: Args } | undefined {
  const nodes = selectedFields(info, [name]);
  if (nodes.length !== 1) return undefined;
  const node = nodes[0]!;
  const field = (info.schema.getType("Person") as GraphQLObjectType).getFields()[name]!;
  try {
    return { node, args: getArgumentValues(field, node, info.variableValues) as Args };
  } catch {
    return undefined;
  }
}

const selectionOf = (node: FieldNode, info: GraphQLResolveInfo): Selection => ({ fieldNodes: [node], fragments: info.fragments });

function pageRequest(id: string, info: GraphQLResolveInfo): PersonPageRequest {
  const selected = (name: string) => selectedFields(info, [name]).length > 0;
  const counterparts = selectedOnce<PersonCounterpartsArgs>(info, "counterparts");
  let ranking: RankingRequest | undefined;
  try {
    ranking = counterparts && rankingRequest(counterparts.args, selectionOf(counterparts.node, info));
  } catch {
    ranking = undefined;
  }
  const count = ranking && selectedOnce<PersonCounterpartCountArgs>(info, "counterpartCount");
  let counted = false;
  try {
    counted = count !== undefined && isDeepStrictEqual(meetingFilter(count.args.filter), ranking!.filter);
  } catch {
    counted = false;
  }
  const references = REFERENCE_NAMES.filter((name) => REFERENCES[name].paths.some((path) => selectedFields(info, path).length > 0));
  return {
    id,
    counterparts: ranking,
    counted,
    roles: selected("roles"),
    relations: selected("relations"),
    countries: selected("countries"),
    ...(references.length > 0 ? { references } : {}),
  };
}

/**
 * The keys of the person's pages of meetings and of statements, when the client selects them, for
 * the page's statement to read them with the person. Each is read for the id asked for, which is
 * the person's unless it is a merged-away id (then Person.meetings and Person.statements read the
 * survivor's page themselves); they ask the loaders for the same keys, and find them read.
 */
function pagesOf(id: string, { loaders }: Context, info: GraphQLResolveInfo): Pick<PersonPageRequest, "meetings" | "statements"> {
  const meetings = selectedOnce<PersonMeetingsArgs>(info, "meetings");
  const statements = selectedOnce<PersonStatementsArgs>(info, "statements");
  // An error (a bad argument) is reported by the field's resolver, at its own path.
  const keyOf = <K>(request: () => { key: K }) => {
    try {
      return request().key;
    } catch {
      return undefined;
    }
  };
  return {
    meetings:
      meetings &&
      keyOf(() => {
        const { filter, orderBy, first, after } = meetings.args;
        return meetingPageRequest(
          loaders,
          withParticipants(meetingFilter(filter), [id]),
          { first, after },
          orderBy ?? DEFAULT_MEETING_ORDER,
          selectionOf(meetings.node, info),
        );
      }),
    statements:
      statements &&
      keyOf(() => {
        const { first, after } = statements.args;
        return statementPageRequest(loaders, { speakerId: id }, { first, after }, selectionOf(statements.node, info));
      }),
  };
}

const primeAll = <T extends { id: string }>(loader: DataLoader<string, T | null>, records: T[] | undefined) => {
  for (const record of records ?? []) loader.prime(record.id, record);
};

/** `person(id:)`: the person, and the parts of their page the client selected, in one statement. */
export async function loadPerson(id: string, context: Context, info: GraphQLResolveInfo): Promise<PersonRecord | null> {
  const { loaders } = context;
  const request = { ...pageRequest(id, info), ...pagesOf(id, context, info) };
  if (!request.counterparts && !request.roles && !request.relations && !request.countries && !request.meetings && !request.statements) {
    return loaders.personById.load(id);
  }
  const found = await loaders.personPage.load(request);
  if (!found) return null;
  const { person } = found;
  if (request.meetings) loaders.meetingConnection.prime(request.meetings, found.meetingsPage ?? null);
  if (request.statements) loaders.statementConnection.prime(request.statements, found.statementsPage ?? null);
  loaders.personById.prime(id, person);
  if (request.counterparts) loaders.counterparts.prime({ personId: person.id, ...request.counterparts }, found.counterparts ?? []);
  if (request.counted) loaders.counterpartCount.prime({ personId: person.id, filter: request.counterparts!.filter }, found.counterpartCount ?? 0);
  if (found.roles) loaders.personRoles.prime(person.id, found.roles);
  if (found.relations) loaders.personRelations.prime(person.id, found.relations);
  if (found.countries)
    loaders.personCountryIds.prime(
      person.id,
      found.countries.map((c) => c.id),
    );
  primeAll(loaders.countryById, [...(found.countries ?? []), ...(found.roleCountries ?? [])]);
  primeAll(loaders.organizationById, found.organizations);
  primeAll(loaders.personById, found.people);
  primeAll(loaders.sourceById, found.sources);
  return person;
}

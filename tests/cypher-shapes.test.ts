/**
 * Every Cypher statement whose text depends on what a client sends (a filter's fields, an order, a
 * selection, a page) is built as the service builds it, through its own loaders, and planned by
 * the real Neo4j with EXPLAIN: a malformed statement or a variable declared twice fails here
 * instead of in front of a client. EXPLAIN plans without reading the graph, so the loaders see no
 * rows. Planning a new statement costs Neo4j a good part of a second on a busy machine, so each
 * fragment is planned in every context that composes it, and the other combinations are sampled
 * (a different sample each run: fast-check prints the seed of a failing one).
 *
 * A name collision that Neo4j accepts but binds to the wrong thing (a subquery variable taking an
 * outer one's value, as once in src/meeting/filter.ts's otherParticipantsOf) plans fine. So the
 * rankings of counterparts, where filter fragments meet a caller's subqueries, are run: the same
 * ranking read two ways, with its person and alone, must agree.
 */
import fc from "fast-check";
import {
  buildASTSchema,
  getNamedType,
  type GraphQLEnumType,
  isObjectType,
  parse,
  type FieldNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from "graphql";
import type { Driver, RecordShape } from "neo4j-driver";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import type { CounterpartOrder, MeetingFilter, MeetingOrder, StatementFilter } from "../src/__generated__/resolvers.js";
import { createContext } from "../src/context.js";
import { createDriver } from "../src/db/connect.js";
import { cypher, Fragment, identifier, integer, join, statement } from "../src/db/cypher.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { MEETING_ORDERS, meetingFilter, withParticipants } from "../src/meeting/filter.js";
import { loadMeetingConnection, timeTogether } from "../src/meeting/meeting.js";
import { connectionPath } from "../src/path/path.js";
import { rankingRequest, type RankingRequest } from "../src/person/counterparts.js";
import { loadTypeDefs } from "../src/schema.js";
import { searchGraph } from "../src/search/search.js";
import { statementFilter } from "../src/statement/statement.js";

/** Plans each read instead of running it. */
class ExplainingExecutor extends Neo4jExecutor {
  override read<T extends RecordShape>(name: string, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return super.read<T>(name, `EXPLAIN ${cypher}`, params);
  }

  // A request's context reads through a view of the executor: the view must plan too.
  override withStats(): Neo4jExecutor {
    return this;
  }
}

let driver: Driver;
let planner: ExplainingExecutor;
let database: Neo4jExecutor;
beforeAll(() => {
  const target = inject("neo4j");
  driver = createDriver(target);
  planner = new ExplainingExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
  database = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 30_000 });
});
afterAll(() => driver?.close());

/** A request's loaders, as the service creates them: a fresh cache, so a repeated shape is asked again. */
const loadersOf = (db: Neo4jExecutor) => createContext(db).loaders;

const PUTIN = "vladimir-putin";
const PEOPLE = [PUTIN, "steve-witkoff", "jared-kushner", "kirill-dmitriev"];
const MEETING_ORDER_NAMES = Object.keys(MEETING_ORDERS) as MeetingOrder[];

/** Every MeetingFilter condition that is not an anchor (see meetingsMatching). */
const EVERY_CONDITION: MeetingFilter = {
  from: "2025-03",
  to: "2025-12",
  topicId: "territory-donbas",
  sourceId: "dawat-004",
  minDurationMinutes: 30,
  maxDurationMinutes: 600,
};
const ANCHORS: MeetingFilter = { ...EVERY_CONDITION, placeId: "kremlin", countryId: "RU" };

/**
 * A filter for each way meetingsMatching starts (every anchor; the participant anchor with and
 * without others to check, and so ordered first or not), each with every condition it can add.
 */
const FRAGMENT_SHAPES: MeetingFilter[] = [
  {},
  EVERY_CONDITION,
  { ...EVERY_CONDITION, placeId: "kremlin" },
  ANCHORS,
  { ...ANCHORS, participantIds: [PUTIN] },
  { ...ANCHORS, participantIds: PEOPLE.slice(0, 2) },
  { participantIds: PEOPLE.slice(0, 3) },
];

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

/** Any MeetingFilter a client may send that passes validation: each field set or not. */
const meetingFilterInput: fc.Arbitrary<MeetingFilter> = fc.record(
  {
    from: optional(fc.constantFrom("2025", "2025-03", "2025-12-02")),
    to: optional(fc.constantFrom("2025-12", "2026-01-15")),
    participantIds: optional(fc.subarray(PEOPLE, { minLength: 1, maxLength: 3 })),
    placeId: optional(fc.constantFrom("kremlin", "moscow")),
    countryId: optional(fc.constantFrom("RU", "US")),
    topicId: optional(fc.constant("territory-donbas")),
    sourceId: optional(fc.constant("dawat-004")),
    minDurationMinutes: optional(fc.constantFrom(0, 30)),
    maxDurationMinutes: optional(fc.constantFrom(60, 600)),
  },
  { requiredKeys: [] },
);

const schema = buildASTSchema(parse(loadTypeDefs().join("\n")));
const COUNTERPART_ORDERS = (schema.getType("CounterpartOrder") as GraphQLEnumType).getValues().map((value) => value.name as CounterpartOrder);

/** The fields the lookahead reads ahead below a meeting of a page: its place, its participants and their person. */
const READ_AHEAD: Record<string, string[]> = { Meeting: ["place", "participants"], Participant: ["person"] };

/**
 * A selection of `typeName`'s fields, of those `choose` picks. Below a field the lookahead reads
 * ahead it chooses again; below other object fields it selects only `__typename`.
 */
function selectionOf(typeName: string, choose: <T>(fields: T[]) => fc.Arbitrary<T[]>): fc.Arbitrary<string> {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return choose(Object.values(type.getFields())).chain((chosen) =>
    fc
      .tuple(
        ...chosen.map((field) => {
          const below = getNamedType(field.type);
          if (!isObjectType(below)) return fc.constant("");
          return READ_AHEAD[typeName]?.includes(field.name) ? selectionOf(below.name, choose).map((inner) => `{ ${inner} }`) : fc.constant("{ __typename }");
        }),
      )
      .map((subselections) => ["__typename", ...chosen.map((field, i) => `${field.name} ${subselections[i]}`)].join(" ")),
  );
}

const anyMeetingSelection = selectionOf("Meeting", (fields) => fc.subarray(fields));
// Choosing every field leaves nothing to chance: the one value of this arbitrary.
const [everyMeetingField] = fc.sample(
  selectionOf("Meeting", (fields) => fc.constant(fields)),
  1,
);

/** The resolver info of the one field in `query`, as far as the lookahead reads it. */
function infoOf(query: string): GraphQLResolveInfo {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments: {} } as unknown as GraphQLResolveInfo;
}

const pageInfo = (counted: boolean, node: string) => infoOf(`{ page { ${counted ? "totalCount " : ""}edges { cursor node { ${node} } } } }`);

const counterpartsInfo = (selected: { aliases: boolean; bounds: boolean }) =>
  infoOf(
    `{ counterparts { meetingCount person { id ${selected.aliases ? "aliases" : ""} } ${selected.bounds ? "firstMeeting { id } lastMeeting { id }" : ""} } }`,
  );

/** A cursor of a meeting order: as many keys as it has (EXPLAIN plans the same statement whatever they hold). */
const afterIn = (order: MeetingOrder) => Buffer.from(JSON.stringify({ after: MEETING_ORDERS[order].map(() => "x") })).toString("base64url");

/**
 * The meeting pages a filter gives rise to: the meetings field's, and a person's meetings (the
 * filter with one participant more) when that makes another statement. meetingsBetween and
 * TimeTogether.meetings page with a filter of participants alone, one of FRAGMENT_SHAPES.
 */
function planMeetingPages(input: MeetingFilter, order: MeetingOrder, page: { first: number; after?: string }, info: GraphQLResolveInfo) {
  const loaders = loadersOf(planner);
  const filter = meetingFilter(input);
  const filters = filter.participantIds ? [filter] : [filter, withParticipants(filter, [PUTIN])];
  return Promise.all(filters.map((each) => loadMeetingConnection(loaders, each, page, order, info)));
}

/** Enough new statements per run to keep the file within seconds; each run samples others. */
const SAMPLE = { numRuns: 5, endOnFailure: true };

describe("every statement a client's request can shape is one Neo4j plans", () => {
  it("meeting pages with each filter fragment, each order, counted or not, with every field and with none", async () => {
    await Promise.all(
      FRAGMENT_SHAPES.map((input, i) =>
        planMeetingPages(
          input,
          MEETING_ORDER_NAMES[i % MEETING_ORDER_NAMES.length]!,
          { first: 20 },
          pageInfo(i % 2 === 0, i % 3 === 0 ? "id" : everyMeetingField!),
        ),
      ),
    );
  });

  it("a meeting page whose selection names what every object inherits reads no more than its ids", async () => {
    // GraphQL validation refuses such a query; the statement must not depend on it.
    await loadMeetingConnection(loadersOf(planner), {}, { first: 20 }, "DATE_ASC", pageInfo(false, "constructor toString __proto__ hasOwnProperty"));
  });

  it("the meetings page with any filter, order, page and selection (a sample)", async () => {
    const page = fc.record({ first: fc.constantFrom(0, 1, 20, 100), paged: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        meetingFilterInput,
        fc.constantFrom(...MEETING_ORDER_NAMES),
        page,
        fc.boolean(),
        anyMeetingSelection,
        async (input, order, { first, paged }, counted, node) => {
          const args = { first, after: paged ? afterIn(order) : undefined };
          await loadMeetingConnection(loadersOf(planner), meetingFilter(input), args, order, pageInfo(counted, node));
        },
      ),
      { ...SAMPLE, numRuns: 8 },
    );
  });

  it("timeTogether for one, two and three people", async () => {
    for (const count of [1, 2, 3]) {
      // EXPLAIN gives no row, which timeTogether reports only once Neo4j has planned the statement.
      await expect(timeTogether(planner, PEOPLE.slice(0, count))).rejects.toThrow("timeTogether returned no row");
    }
  });

  it("people and statement pages, with no filter and with every one, counted or not", async () => {
    const everyStatementCondition: StatementFilter = {
      speakerId: PUTIN,
      meetingId: "2025-12-02-putin-witkoff-kushner-kremlin",
      topicId: "territory-donbas",
      sourceId: "dawat-004",
      from: "2025-03",
      to: "2025-12",
      text: "Putin’s",
    };
    const loaders = loadersOf(planner);
    const pages = [false, true].flatMap((counted) => {
      const key = { after: ["Putin", "x"], limit: 21, counted };
      return [
        loaders.statementConnection.load({ filter: statementFilter({}), ...key }),
        loaders.statementConnection.load({ filter: statementFilter(everyStatementCondition), ...key }),
        loaders.personConnection.load({ filter: {}, ...key }),
        loaders.personConnection.load({ filter: { search: "witkoff", countryId: "RU" }, ...key }),
      ];
    });
    for (const page of await Promise.all(pages)) expect(page).toEqual({ nodes: [], keys: [], totalCount: 0 });
  });

  it("search and connectionPath", async () => {
    expect(await searchGraph(planner, "witkoff kremlin", 5)).toEqual([]);
    expect(await connectionPath(planner, PUTIN, "jared-kushner", 6)).toBeNull();
    expect(await connectionPath(planner, PUTIN, PUTIN, 1)).toBeNull();
  });
});

describe("a ranking of counterparts", () => {
  // Run, not only planned: on the seed graph a run costs little more than its plan.
  const sameAloneAndWithPerson = async (ranking: RankingRequest) => {
    const loaders = loadersOf(database);
    const [alone, withPerson] = await Promise.all([
      loaders.counterparts.load({ personId: PUTIN, ...ranking }),
      loaders.personPage.load({ id: PUTIN, counterparts: ranking, counted: false, roles: false, relations: false, countries: false }),
    ]);
    expect(withPerson?.counterparts).toEqual(alone);
    return alone;
  };

  it("is the same read alone and with its person, with each filter fragment, each order and selection", async () => {
    // Kushner met Putin once, with others: a ranking that has someone to find.
    const filters = [...FRAGMENT_SHAPES, { participantIds: ["jared-kushner"] }];
    const found = await Promise.all(
      filters.map((filter, i) =>
        sameAloneAndWithPerson(
          rankingRequest(
            { filter, orderBy: COUNTERPART_ORDERS[i % COUNTERPART_ORDERS.length], first: 100 },
            counterpartsInfo({ aliases: i % 2 === 0, bounds: i % 3 === 0 }),
          ),
        ),
      ),
    );
    expect(found.flat().length).toBeGreaterThan(0);
  });

  it("is the same read alone and with its person, with any filter, order, size and selection (a sample)", async () => {
    const selected = fc.record({ aliases: fc.boolean(), bounds: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(
        meetingFilterInput,
        fc.constantFrom(...COUNTERPART_ORDERS),
        fc.constantFrom(0, 5, 100),
        selected,
        async (filter, orderBy, first, selection) => {
          await sameAloneAndWithPerson(rankingRequest({ filter, orderBy, first }, counterpartsInfo(selection)));
        },
      ),
      SAMPLE,
    );
  });
});

describe("a cypher`…` template", () => {
  it("sends every value it interpolates as a parameter, numbered in order of appearance through nested fragments", () => {
    const person = (id: string) => cypher`(${identifier("p")}:Person {id: ${id}})`;
    const built = statement(cypher`MATCH ${person("vladimir-putin")} WHERE p.name <> ${"x"} RETURN p LIMIT ${integer(5)}`);
    expect(built).toEqual({ text: "MATCH (p:Person {id: $p0}) WHERE p.name <> $p1 RETURN p LIMIT 5", params: { p0: "vladimir-putin", p1: "x" } });
    expect(statement(cypher`MATCH ${person("jared-kushner")} WHERE p.name <> ${"y"} RETURN p LIMIT ${integer(5)}`).text).toBe(built.text);
  });

  it("keeps text that arrives as a value out of the statement", async () => {
    const hostile = "x' }) DETACH DELETE n //";
    const { text, params } = statement(cypher`RETURN ${hostile} AS value`);
    expect(await database.read(`template`, text, params)).toEqual([{ value: hostile }]);
  });

  it("joins fragments, and joins none into nothing", () => {
    const ids = ["a", "b"].map((id) => cypher`${id}`);
    expect(statement(cypher`RETURN [${join(ids, ", ")}]${join([], ", ")}`)).toEqual({ text: "RETURN [$p0, $p1]", params: { p0: "a", p1: "b" } });
  });

  it("refuses identifiers and integers that are not, and fragments it did not make", () => {
    expect(() => identifier("p) DETACH DELETE (p")).toThrow("is not a Cypher identifier");
    expect(() => identifier("")).toThrow("is not a Cypher identifier");
    expect(() => integer(1.5)).toThrow("is not an integer");
    expect(() => integer(Number.NaN)).toThrow("is not an integer");
    expect(() => new Fragment(Symbol("Fragment") as never, ["MATCH (n) DETACH DELETE n"], [])).toThrow("Fragments come from");
  });
});

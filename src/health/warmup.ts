/**
 * Warm-up before readiness. Neo4j plans a Cypher statement the first time it sees its text and
 * replans it with compiled expressions once it is hot, and compiled execution compiles a document
 * the second time it sees it: each takes from a fraction of a second to seconds, and without a
 * warm-up they fall on the first users after a start. Most documents clients send are known in
 * advance (the web app's persisted operations, the Playground's tabs; the benchmark adds its
 * own), so each runs until all of that is done (WARMUP_RUNS) before `/health/ready` turns ready,
 * with variables drawn from the graph itself (a busy person, a recent meeting), so that nested
 * fields run too and their statements get planned.
 */
import { Kind, parse, type DocumentNode, type OperationDefinitionNode, type TypeNode, type ValueNode } from "graphql";
import type { Neo4jExecutor } from "../db/executor.js";

export interface KnownDocument {
  /** For the log: the operation's name or where it comes from. */
  name: string;
  query: string;
  /** Values for variables the graph cannot supply (the Playground tabs' own examples). */
  variables?: Record<string, unknown>;
}

/** Ids of a few real nodes, by kind, and a name to search for. */
type Samples = Record<string, unknown>;

/**
 * The busiest person (most meetings) and their most frequent counterpart, the most recent meeting
 * with a source, the place and country of the most recent meeting held somewhere known, and one
 * of each other kind. Every part is optional: an empty graph warms what it can.
 */
const SAMPLES = `
OPTIONAL CALL () {
  MATCH (p:Person)
  WITH p ORDER BY COUNT { (p)-[:ATTENDED]->(:Meeting) } DESC, p.id LIMIT 1
  OPTIONAL CALL (p) {
    MATCH (p)-[:ATTENDED]->(:Meeting)<-[:ATTENDED]-(other:Person) WHERE other <> p
    RETURN other.id AS counterpart, count(*) AS together ORDER BY together DESC, counterpart LIMIT 1
  }
  RETURN p.id AS person, p.name AS name, counterpart
}
OPTIONAL CALL () {
  MATCH (m:Meeting) WITH m ORDER BY m.dateStart DESC, m.id LIMIT 1
  RETURN m.id AS meeting, [(m)-[:HAS_CLAIM|HAS_DURATION]->(:Claim)-[:FROM]->(s:Source) | s.id][0] AS source
}
OPTIONAL CALL () {
  MATCH (m:Meeting)-[:HELD_AT]->(pl:Place) WITH m, pl ORDER BY m.dateStart DESC, m.id LIMIT 1
  RETURN pl.id AS place, [(pl)-[:WITHIN*1..]->(c:Country) | c.id][0] AS country
}
RETURN person, name, counterpart, meeting, place, country, source,
       COLLECT { MATCH (t:Topic) RETURN t.id LIMIT 1 }[0] AS topic,
       COLLECT { MATCH (o:Organization) RETURN o.id LIMIT 1 }[0] AS organization,
       COLLECT { MATCH (s:Statement) RETURN s.id LIMIT 1 }[0] AS statement`;

/** What an argument named `<kind>Id`, `<kind>Ids` (or `id` on a root field named after a kind) takes. */
const KIND_OF_ARGUMENT: Record<string, string> = {
  person: "person",
  participant: "person",
  speaker: "person",
  from: "person",
  to: "counterpart",
  toPerson: "counterpart",
  meeting: "meeting",
  place: "place",
  country: "country",
  source: "source",
  topic: "topic",
  organization: "organization",
  statement: "statement",
};
const SEARCH_ARGUMENTS = new Set(["search", "query"]);

function sampleFor(field: string, argument: string, samples: Samples): unknown {
  if (SEARCH_ARGUMENTS.has(argument)) return samples.name;
  const ofKind = argument === "id" ? field : /^(.+?)Ids?$/.exec(argument)?.[1];
  const kind = ofKind === undefined ? undefined : KIND_OF_ARGUMENT[ofKind];
  const value = kind === undefined ? undefined : samples[kind];
  if (value === undefined || value === null) return undefined;
  return argument.endsWith("Ids") ? [value] : value;
}

/** The variables of `operation` that a sample can fill, found where they are passed as arguments (inside input objects too). */
function sampleVariables(operation: OperationDefinitionNode, samples: Samples): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  const visit = (field: string, argument: string, value: ValueNode) => {
    if (value.kind === Kind.VARIABLE) {
      const sample = sampleFor(field, argument, samples);
      if (sample !== undefined) variables[value.name.value] ??= sample;
    } else if (value.kind === Kind.OBJECT) {
      for (const inner of value.fields) visit(field, inner.name.value, inner.value);
    }
  };
  const walk = (selections: OperationDefinitionNode["selectionSet"]["selections"]) => {
    for (const selection of selections) {
      if (selection.kind !== Kind.FIELD) continue;
      for (const argument of selection.arguments ?? []) visit(selection.name.value, argument.name.value, argument.value);
      if (selection.selectionSet) walk(selection.selectionSet.selections);
    }
  };
  walk(operation.selectionSet.selections);
  return variables;
}

/** Boolean variables (the web app's @include / @skip switches) set to true, so the fields they include run and get planned too. */
function switchesOn(operation: OperationDefinitionNode): Record<string, boolean> {
  const isBoolean = (type: TypeNode): boolean =>
    type.kind === Kind.NON_NULL_TYPE ? isBoolean(type.type) : type.kind === Kind.NAMED_TYPE && type.name.value === "Boolean";
  return Object.fromEntries((operation.variableDefinitions ?? []).filter((d) => isBoolean(d.type)).map((d) => [d.variable.name.value, true]));
}

export interface WarmupRequest {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The requests that warm `documents`: queries only (a mutation would write), each with the
 * graph's samples, else the document's own example values. A document with a required variable
 * neither can fill is left out (its name is returned), since it could only fail.
 */
export function warmupRequests(documents: KnownDocument[], samples: Samples): { requests: WarmupRequest[]; skipped: string[] } {
  const requests: WarmupRequest[] = [];
  const skipped: string[] = [];
  for (const document of documents) {
    let parsed: DocumentNode;
    try {
      parsed = parse(document.query);
    } catch {
      skipped.push(document.name);
      continue;
    }
    const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (!operation || operation.operation !== "query") continue;
    const variables = { ...switchesOn(operation), ...document.variables, ...sampleVariables(operation, samples) };
    const missing = (operation.variableDefinitions ?? []).some(
      (d) => d.type.kind === Kind.NON_NULL_TYPE && d.defaultValue === undefined && !(d.variable.name.value in variables),
    );
    if (missing) skipped.push(document.name);
    else requests.push({ query: document.query, variables });
  }
  return { requests, skipped };
}

export async function readSamples(db: Neo4jExecutor): Promise<Samples> {
  const [row] = await db.read<Samples>("warmup.samples", SAMPLES);
  return row ?? {};
}

/**
 * How many executions make Neo4j compile a statement's expressions to bytecode: it interprets
 * them at first, and on the execution after this many it replans the statement with compiled
 * expressions, which makes that one several times slower than its neighbours. This is Neo4j's
 * default (`internal.cypher.expression_recompilation_limit`), which a user's own Neo4j or Aura has too.
 */
export const NEO4J_EXPRESSION_RECOMPILATION_LIMIT = 10;

/**
 * The runs that go one request at a time: the first plans the statements, the second compiles the
 * document (graphql-jit). Two requests sharing a statement would plan it twice at once.
 */
const PLANNING_RUNS = 2;

/**
 * How many times each request runs: after the planning runs, until its statements' execution after
 * Neo4j's recompilation limit has replanned them with compiled expressions, so that none of the
 * first users' requests pays for that (V8 optimises the resolvers meanwhile too). A statement
 * several documents share gets there sooner, which does no harm.
 */
const WARMUP_RUNS = NEO4J_EXPRESSION_RECOMPILATION_LIMIT + 1;

/** How many requests run at a time after the planning runs: theirs only add executions, in any order, and so keep the service and Neo4j busy at once. */
const CONCURRENT_LATER_RUNS = 4;

/** Runs each of `requests` WARMUP_RUNS times through `execute`. */
export async function runWarmup<R>(requests: R[], execute: (request: R) => Promise<void>): Promise<void> {
  for (let run = 0; run < PLANNING_RUNS; run++) {
    for (const request of requests) await execute(request);
  }
  const later = Array.from({ length: WARMUP_RUNS - PLANNING_RUNS }, () => requests).flat();
  const worker = async () => {
    for (let next = later.shift(); next !== undefined; next = later.shift()) await execute(next);
  };
  await Promise.all(Array.from({ length: CONCURRENT_LATER_RUNS }, worker));
}

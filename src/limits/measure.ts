/**
 * How big an operation is, measured on the validated document before anything runs: its depth,
 * aliases, selections, and a cost estimate in which page sizes multiply down nested lists.
 */
import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../db/pagination.js";

/** Arguments that set how many items a list or connection field returns. */
const PAGE_SIZE_ARGUMENTS = ["first", "limit"];
/** What a list field without a page-size argument (participants, claims, sources…) is assumed to hold. */
export const UNPAGED_LIST_ESTIMATE = 10;

export interface OperationMeasures {
  /** The deepest nesting of fields; a top-level field is depth 1. Introspection (`__schema`, `__type`) is left out. */
  depth: number;
  aliases: number;
  /** Fields, fragment spreads and inline fragments, with every fragment counted each time it is spread. */
  selections: number;
  /**
   * Fields the operation could resolve at most: each field counts 1, times the size of every list
   * above it. A list's size is its `first`/`limit` (the default page size when omitted); a
   * connection's page size applies to its `edges`; other lists count UNPAGED_LIST_ESTIMATE.
   */
  cost: number;
  /** Set when counting stopped at `maxSelections`: the other measures are then incomplete. */
  selectionsExceeded: boolean;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  maxSelections: number;
  measures: OperationMeasures;
  /** Fragments being expanded, innermost last: validation forbids cycles, this only makes sure. */
  expanding: Set<string>;
}

/** Thrown inside the walk to stop it as soon as the selection limit is passed. */
class SelectionsExceeded extends Error {}

export function measureOperation(args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
  /** Counting stops one past this, so a document that expands exponentially costs no more to measure than the limit. */
  maxSelections: number;
}): OperationMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of args.document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const measures: OperationMeasures = { depth: 0, aliases: 0, selections: 0, cost: 0, selectionsExceeded: false };
  // `query ($n: Int = 50)` without $n sent: the page size is the variable's default.
  const variableDefaults = Object.fromEntries(
    (args.operation.variableDefinitions ?? []).flatMap((definition) =>
      definition.defaultValue?.kind === Kind.INT ? [[definition.variable.name.value, Number.parseInt(definition.defaultValue.value, 10)]] : [],
    ),
  );
  const variables = { ...variableDefaults, ...args.variables };
  const walk: Walk = { schema: args.schema, fragments, variables, maxSelections: args.maxSelections, measures, expanding: new Set() };
  const root = args.schema.getRootType(args.operation.operation);
  try {
    if (root) walkSelections(walk, args.operation.selectionSet, root, { depth: 0, multiplier: 1, pageSize: null });
  } catch (error) {
    if (!(error instanceof SelectionsExceeded)) throw error;
    measures.selectionsExceeded = true;
  }
  return measures;
}

interface Position {
  /** Depth of the field that owns this selection set. */
  depth: number;
  /** How many times this selection set is resolved: the product of the list sizes above it. */
  multiplier: number;
  /** A connection's page size, waiting for the list field (`edges`) below it. */
  pageSize: number | null;
}

function count(walk: Walk): void {
  walk.measures.selections += 1;
  if (walk.measures.selections > walk.maxSelections) throw new SelectionsExceeded();
}

function walkSelections(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, at: Position): void {
  for (const selection of selectionSet.selections) {
    count(walk);
    switch (selection.kind) {
      case Kind.FIELD: {
        if (selection.alias) walk.measures.aliases += 1;
        const name = selection.name.value;
        // Introspection has its own bounds (INTROSPECTION, graphql-js's introspection depth rule); only its size counts here.
        if (name === "__schema" || name === "__type") {
          if (selection.selectionSet) countStructurally(walk, selection.selectionSet);
          break;
        }
        const depth = at.depth + 1;
        walk.measures.depth = Math.max(walk.measures.depth, depth);
        walk.measures.cost += at.multiplier;
        const field = fieldOf(parentType, name);
        if (!field || !selection.selectionSet) break;
        const childType = getNamedType(field.type);
        if (!isCompositeType(childType)) break;
        const ownPageSize = pageSizeOf(walk, field, selection.arguments ?? []);
        const isList = isListType(getNullableType(field.type));
        const listSize = isList ? (ownPageSize ?? at.pageSize ?? UNPAGED_LIST_ESTIMATE) : 1;
        walkSelections(walk, selection.selectionSet, childType, {
          depth,
          multiplier: at.multiplier * listSize,
          // A paged field that is not itself a list is a connection: its page size is for its edges.
          pageSize: isList ? null : ownPageSize,
        });
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? walk.schema.getType(typeName) : parentType;
        if (type && isCompositeType(type)) walkSelections(walk, selection.selectionSet, type, at);
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = walk.fragments.get(name);
        if (!fragment || walk.expanding.has(name)) break;
        const type = walk.schema.getType(fragment.typeCondition.name.value);
        if (!type || !isCompositeType(type)) break;
        walk.expanding.add(name);
        walkSelections(walk, fragment.selectionSet, type, at);
        walk.expanding.delete(name);
        break;
      }
    }
  }
}

/** Counts selections and aliases of a subtree without type information (introspection). */
function countStructurally(walk: Walk, selectionSet: SelectionSetNode): void {
  for (const selection of selectionSet.selections) {
    count(walk);
    if (selection.kind === Kind.FIELD && selection.alias) walk.measures.aliases += 1;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment && !walk.expanding.has(fragment.name.value)) {
        walk.expanding.add(fragment.name.value);
        countStructurally(walk, fragment.selectionSet);
        walk.expanding.delete(fragment.name.value);
      }
    } else if (selection.selectionSet) {
      countStructurally(walk, selection.selectionSet);
    }
  }
}

/*
 * Type tests by Symbol.toStringTag rather than graphql's isListType & co.: those use instanceof,
 * and under Vite (the tests) this module can get graphql's ESM build while Apollo built the
 * schema with its CommonJS build.
 */
const tagOf = (type: unknown): string | undefined => (type as { [Symbol.toStringTag]?: string } | null | undefined)?.[Symbol.toStringTag];
const isCompositeType = (type: unknown): type is GraphQLCompositeType =>
  ["GraphQLObjectType", "GraphQLInterfaceType", "GraphQLUnionType"].includes(tagOf(type) ?? "");
const getNullableType = (type: GraphQLOutputType) => (tagOf(type) === "GraphQLNonNull" ? (type as { ofType: GraphQLOutputType }).ofType : type);
const isListType = (type: GraphQLOutputType) => tagOf(type) === "GraphQLList";
function getNamedType(type: GraphQLOutputType): GraphQLNamedType {
  let named: GraphQLOutputType = type;
  while ("ofType" in named) named = named.ofType as GraphQLOutputType;
  return named;
}

function fieldOf(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return tagOf(type) === "GraphQLUnionType" ? undefined : (type as GraphQLObjectType | GraphQLInterfaceType).getFields()[name];
}

/**
 * The page size a field asks for: its `first`/`limit` argument (a literal or a variable), the
 * argument's default, or the service's default page size. Null when the field takes no such argument.
 * Sizes above the service's maximum are counted as the maximum: the resolvers refuse them anyway,
 * with an error naming the argument.
 */
function pageSizeOf(walk: Walk, field: GraphQLField<unknown, unknown>, argumentNodes: readonly { name: { value: string }; value: ValueNode }[]): number | null {
  const argument = field.args.find((arg) => PAGE_SIZE_ARGUMENTS.includes(arg.name));
  if (!argument) return null;
  const node = argumentNodes.find((arg) => arg.name.value === argument.name)?.value;
  let value: unknown = argument.defaultValue ?? DEFAULT_PAGE_SIZE;
  if (node?.kind === Kind.INT) value = Number.parseInt(node.value, 10);
  else if (node?.kind === Kind.VARIABLE && typeof walk.variables[node.name.value] === "number") value = walk.variables[node.name.value];
  const size = typeof value === "number" && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(size, 0), MAX_PAGE_SIZE);
}

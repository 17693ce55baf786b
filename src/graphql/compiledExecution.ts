/**
 * Operations the server sees again run compiled by graphql-jit instead of interpreted by
 * graphql-js's `execute`: the same resolvers and results, with less CPU per field (the
 * counterparts query resolves 110 fields on one statement; see bench/RESULTS.md). Apollo Server
 * takes another executor only through its gateway interface, so this is a "gateway" that serves
 * one fixed schema and executes locally.
 *
 * Compiling costs more than one interpreted run, and anyone can send a new document: so a
 * document runs interpreted the first time, and is compiled the second time it comes (by its
 * hash and operation name; the web app's and the benchmark's operations come again and again).
 * Both what was seen once and what was compiled are bounded LRU caches: a stream of one-off
 * documents only pushes other one-off documents out, never a compiled one. An operation
 * graphql-jit cannot compile keeps running through graphql-js.
 */
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  execute,
  getVariableValues,
  GraphQLError,
  printSchema,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";

export interface CompiledExecutionOptions {
  /** COMPILED_EXECUTION: false runs every operation interpreted. */
  enabled: boolean;
  /** COMPILED_DOCUMENTS_MAX: the most compiled operations kept, and the most remembered as seen once. */
  maxDocuments: number;
}

/** How many operations ran each way, in this process: for the tests, which cannot tell from the answers. */
export const executionCounts = { compiled: 0, interpreted: 0 };

type Run = (context: unknown, variables: Record<string, unknown> | undefined) => Promise<ExecutionResult> | ExecutionResult;

/**
 * graphql-jit's errors have no `extensions` when the error thrown had none, and Apollo Server's
 * error formatting reads `extensions.code`: they are made graphql-js errors again, with their locations.
 */
function asUpstreamError(error: GraphQLError): GraphQLError {
  const upstream = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(upstream, { locations: error.locations });
}

/**
 * The client's variables with each omitted one that has a default set to it, as the client could
 * have sent it: graphql-jit refuses an omitted required variable even when it has a default,
 * where graphql-js (and the specification) use the default.
 */
function withDefaults(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const given = variables ?? {};
  const defaults = (operation.variableDefinitions ?? [])
    .filter((definition) => definition.defaultValue && !Object.hasOwn(given, definition.variable.name.value))
    .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue!)] as const);
  return defaults.length ? { ...Object.fromEntries(defaults), ...given } : given;
}

export function compiledExecution(schema: GraphQLSchema, { enabled, maxDocuments }: CompiledExecutionOptions): GatewayInterface {
  const seenOnce = new LRUCache<string, true>({ max: maxDocuments });
  const compiledRuns = new LRUCache<string, Run>({ max: maxDocuments });

  const interpreted =
    (document: DocumentNode, operationName: string | undefined): Run =>
    (context, variables) => {
      executionCounts.interpreted += 1;
      return execute({ schema, document, operationName, contextValue: context, variableValues: variables });
    };
  const compile = (document: DocumentNode, operationName: string | undefined): Run => {
    const compiled = compileQuery(schema, document, operationName);
    if (!isCompiledQuery(compiled)) return interpreted(document, operationName);
    return async (context, variables) => {
      executionCounts.compiled += 1;
      const result = await compiled.query(undefined, context, variables ?? {});
      return result.errors ? { ...result, errors: result.errors.map(asUpstreamError) } : result;
    };
  };
  /** The compiled run when the operation came before, or now comes the second time; undefined the first time. */
  const compiledRun = (key: string, document: DocumentNode, operationName: string | undefined): Run | undefined => {
    const known = compiledRuns.get(key);
    if (known) return known;
    if (!seenOnce.has(key)) {
      seenOnce.set(key, true);
      return undefined;
    }
    seenOnce.delete(key);
    const run = compile(document, operationName);
    compiledRuns.set(key, run);
    return run;
  };

  // The operation name is the client's, as Apollo Server hands it to `execute` (the context's own is the resolved operation's).
  const executor: GatewayExecutor = async ({ document, operation, request, queryHash, context }) => {
    const name = request.operationName ?? undefined;
    // No operation of that name: graphql-js's answer is the error Apollo Server reports.
    if (!operation) return interpreted(document, name)(context, request.variables) as ExecutionResult;
    // graphql-js checks the variables first, as its `execute` did: its errors name the variable's
    // definition, which Apollo Server answers as BAD_USER_INPUT with status 400.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    const compiled = enabled && compiledRun(`${queryHash} ${name ?? ""}`, document, name);
    return compiled ? compiled(context, withDefaults(operation, request.variables)) : interpreted(document, name)(context, request.variables);
  };

  return {
    load: async () => ({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    stop: async () => {},
  };
}

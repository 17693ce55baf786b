/**
 * Operations run compiled by graphql-jit instead of interpreted by graphql-js's `execute`: the
 * same resolvers and results, with less CPU per field (the counterparts query resolves 110 fields
 * on one statement; see bench/RESULTS.md). Apollo Server takes another executor only through its
 * gateway interface, so this is a "gateway" that serves one fixed schema and executes locally.
 *
 * Apollo Server keeps each query's parsed and validated document while the query is in its
 * document cache, so an operation is compiled once per document and operation name. An operation
 * graphql-jit cannot compile runs through graphql-js as before.
 */
import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import { execute, getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Run = (context: unknown, variables: Record<string, unknown> | undefined) => Promise<ExecutionResult> | ExecutionResult;

/**
 * graphql-jit's errors have no `extensions` when the error thrown had none, and Apollo Server's
 * error formatting reads `extensions.code`: they are made graphql-js errors again, with their locations.
 */
function asUpstreamError(error: GraphQLError): GraphQLError {
  const upstream = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  return Object.assign(upstream, { locations: error.locations });
}

export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  const runs = new WeakMap<DocumentNode, Map<string | undefined, Run>>();

  const interpreted = (document: DocumentNode, operationName: string | undefined): Run => (context, variables) =>
    execute({ schema, document, operationName, contextValue: context, variableValues: variables });
  const compile = (document: DocumentNode, operationName: string | undefined): Run => {
    const compiled = compileQuery(schema, document, operationName);
    return isCompiledQuery(compiled) ? (context, variables) => (compiled as CompiledQuery).query(undefined, context, variables ?? {}) : interpreted(document, operationName);
  };

  // The operation name is the client's, as Apollo Server hands it to `execute` (the context's own is the resolved operation's).
  const executor: GatewayExecutor = async ({ document, operation, request, context }) => {
    const name = request.operationName ?? undefined;
    // No operation of that name: graphql-js's answer is the error Apollo Server reports.
    if (!operation) return interpreted(document, name)(context, request.variables) as ExecutionResult;
    // graphql-js checks the variables first, as its `execute` did: its errors name the variable's
    // definition, which Apollo Server answers as BAD_USER_INPUT with status 400.
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}, { maxErrors: 50 });
    if (variables.errors) return { errors: variables.errors };
    let byName = runs.get(document);
    if (!byName) runs.set(document, (byName = new Map()));
    let run = byName.get(name);
    if (!run) byName.set(name, (run = compile(document, name)));
    const result = await run(context, request.variables);
    return result.errors ? { ...result, errors: result.errors.map(asUpstreamError) } : result;
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

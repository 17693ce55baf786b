/**
 * Refuses oversized operations after validation and before execution, so not one Cypher
 * statement runs for them: too deep, too many aliases or selections, too costly, a list
 * argument or an id too long. Each refusal has its own stable code and HTTP 400, as has a
 * subscription, which this endpoint does not serve.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { DEFAULT_PAGE_SIZE } from "../db/pagination.js";
import { MAX_ID_ARGUMENT_LENGTH } from "../model/lengths.js";
import { longIdInDocument, longIdInVariables } from "./ids.js";
import { longListInDocument, longListInVariables } from "./lists.js";
import { measureOperation, UNPAGED_LIST_ESTIMATE } from "./measure.js";

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxSelections: number;
  maxCost: number;
  maxListLength: number;
}

/** A refused operation: a 400 with a code clients can match and the figures that caused it. */
function limitError(code: string, message: string, figures: Record<string, number | string>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...figures, http: { status: 400 } } });
}

/** The first limit the operation breaks, or null. */
export function checkLimits(limits: QueryLimits, request: Omit<Parameters<typeof measureOperation>[0], "maxSelections">): GraphQLError | null {
  const measures = measureOperation({ ...request, maxSelections: limits.maxSelections });
  if (measures.selectionsExceeded) {
    return limitError(
      "TOO_MANY_SELECTIONS",
      `The operation has more than ${limits.maxSelections} selections (fields and fragments, counting every use of a fragment); split it into smaller operations.`,
      {
        maxSelections: limits.maxSelections,
      },
    );
  }
  if (measures.depth > limits.maxDepth) {
    return limitError("QUERY_TOO_DEEP", `The operation nests fields ${measures.depth} deep; at most ${limits.maxDepth} levels are allowed.`, {
      depth: measures.depth,
      maxDepth: limits.maxDepth,
    });
  }
  if (measures.aliases > limits.maxAliases) {
    return limitError("TOO_MANY_ALIASES", `The operation uses ${measures.aliases} aliases; at most ${limits.maxAliases} are allowed.`, {
      aliases: measures.aliases,
      maxAliases: limits.maxAliases,
    });
  }
  const longList = longListInVariables(request.variables, limits.maxListLength) ?? longListInDocument(request.document, limits.maxListLength);
  if (longList) {
    return limitError("LIST_TOO_LONG", `The list ${longList.path} has ${longList.length} items; at most ${limits.maxListLength} are allowed.`, {
      path: longList.path,
      length: longList.length,
      maxLength: limits.maxListLength,
    });
  }
  const longId =
    longIdInVariables(request.schema, request.operation, request.variables, MAX_ID_ARGUMENT_LENGTH) ??
    longIdInDocument(request.schema, request.document, MAX_ID_ARGUMENT_LENGTH);
  if (longId) {
    return limitError(
      "BAD_USER_INPUT",
      `Invalid argument "${longId.path}": an id has at most ${MAX_ID_ARGUMENT_LENGTH} characters, this one ${longId.length}.`,
      {
        argument: longId.path,
        length: longId.length,
        maxLength: MAX_ID_ARGUMENT_LENGTH,
      },
    );
  }
  if (measures.cost > limits.maxCost) {
    return limitError(
      "QUERY_TOO_COMPLEX",
      `The operation's estimated cost is ${measures.cost}, above the limit of ${limits.maxCost}. Each field counts once per item of every list above it ` +
        `(page sizes from first/limit, ${DEFAULT_PAGE_SIZE} when omitted; ${UNPAGED_LIST_ESTIMATE} for lists without one): ask for smaller pages or fewer nested lists.`,
      { cost: measures.cost, maxCost: limits.maxCost },
    );
  }
  return null;
}

/** Subscriptions are served over WebSocket (src/subscriptions/); over HTTP there is nothing to keep the stream in. */
const subscriptionRefusal = () =>
  limitError(
    "SUBSCRIPTIONS_NOT_SUPPORTED",
    "Subscriptions are not served over HTTP: open a WebSocket to this same URL (the graphql-transport-ws protocol, e.g. the graphql-ws client; docs/subscriptions.md). Queries and mutations are sent here.",
    {},
  );

export function queryLimitsPlugin(limits: QueryLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          if (operation.operation === "subscription") throw subscriptionRefusal();
          const refusal = checkLimits(limits, { schema, document, operation, variables: request.variables });
          if (refusal) throw refusal;
        },
      };
    },
  };
}

/**
 * graphql-js stops parsing at MAX_QUERY_TOKENS with a syntax error; this gives that refusal the
 * same shape as the other limits (its own code and the limit) for formatError.
 */
export function explainTokenLimit(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/.exec(formatted.message);
  if (!match || formatted.extensions?.code !== "GRAPHQL_PARSE_FAILED") return formatted;
  const maxTokens = Number(match[1]);
  return {
    message: `The document has more than ${maxTokens} tokens (names, punctuation, values); split it into smaller operations.`,
    extensions: { code: "QUERY_TOO_LARGE", maxTokens },
  };
}

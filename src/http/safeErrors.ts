import type { GraphQLFormattedError } from "graphql";

/**
 * What a production client sees of an error: its message, code and the figures a client can act
 * on, never a stack trace. Unexpected errors (INTERNAL_SERVER_ERROR) are replaced whole by the
 * caller, since their messages come from the driver or the code.
 */
export function withoutInternals(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions) return formatted;
  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

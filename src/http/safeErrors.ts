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

/**
 * Apollo Server raises some request errors without a code (an unsupported persisted-query
 * version, a hash that does not match its document): they would read INTERNAL_SERVER_ERROR, and
 * be hidden in production, though their 4xx status says they are the client's. They become BAD_REQUEST.
 */
export function codeClientErrors(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== "INTERNAL_SERVER_ERROR") return formatted;
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  if (typeof status !== "number" || status < 400 || status >= 500) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_REQUEST" } };
}

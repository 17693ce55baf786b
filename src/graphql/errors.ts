import { GraphQLError } from "graphql";

/** An argument a client can fix: coded BAD_USER_INPUT, and the message names the argument. */
export function badUserInput(argument: string, problem: string): GraphQLError {
  return new GraphQLError(`Invalid argument "${argument}": ${problem}`, {
    extensions: { code: "BAD_USER_INPUT", argument },
  });
}

/** A related node the graph model guarantees; its absence is a data error, not a client error. */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Graph inconsistency: ${what} is missing`);
  return value;
}

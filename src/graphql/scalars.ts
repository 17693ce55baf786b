/**
 * Date and DateTime pass ISO strings through unchanged: graphql-scalars' DateTime would
 * re-render times in UTC and drop the source's offset ("+03:00", Moscow time), and its Date
 * rejects the partial dates ("2025-03") the sources give.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { isValidIsoDate, isValidIsoDateTime, precisionOf } from "../ingest/seedFiles.js";
import { badUserInput } from "./errors.js";
import { periodOf } from "../ingest/writeGraph.js";

function isoScalar(name: string, description: string, isValid: (value: string) => boolean, expected: string) {
  const check = (value: unknown): string => {
    if (typeof value !== "string" || !isValid(value)) {
      throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: expected ${expected}`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: check,
    parseValue: check,
    parseLiteral: (ast: ValueNode) => check(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const DateScalar = isoScalar("Date", "ISO-8601 calendar date, possibly partial", isValidIsoDate, "a real calendar date as YYYY-MM-DD, YYYY-MM or YYYY");
export const DateTimeScalar = isoScalar("DateTime", "ISO-8601 date-time with an offset", isValidIsoDateTime, "an ISO-8601 date-time with an offset, e.g. 2025-03-14T01:30:00+03:00");

/** The range of days a possibly partial date covers: "2025-03" is 2025-03-01..2025-03-31. */
export const daysOf = (date: string) => periodOf(date, precisionOf(date));

/**
 * A filter's from/to as whole days, from the first day of `from` to the last day of `to`, checked
 * to be in order. `argument` names the filter in error messages.
 */
export function dayRange(from: string | null | undefined, to: string | null | undefined, argument: string) {
  const range = { from: from ? daysOf(from).start : undefined, to: to ? daysOf(to).end : undefined };
  if (range.from && range.to && range.from > range.to) throw badUserInput(`${argument}.from`, `${from} is after ${argument}.to ${to}`);
  return range;
}

/**
 * Date and DateTime pass ISO strings through unchanged: graphql-scalars' DateTime would
 * re-render times in UTC and drop the source's offset ("+03:00", Moscow time), and its Date
 * rejects the partial dates ("2025-03") the sources give.
 *
 * Date inputs are only checked to be strings here; the calendar check happens where the value
 * is used (`dayRange`), because an error raised while parsing a literal reaches the client as a
 * validation error that cannot name the argument.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { isValidIsoDate, isValidIsoDateTime, MIN_YEAR, periodOf, precisionOf } from "../model/dates.js";
import { badUserInput } from "./errors.js";

function isoScalar(name: string, description: string, isValidInput: (value: string) => boolean, isValidOutput: (value: string) => boolean, expected: string) {
  const checker =
    (isValid: (value: string) => boolean) =>
    (value: unknown): string => {
      if (typeof value !== "string" || !isValid(value)) {
        throw new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: expected ${expected}`, { extensions: { code: "BAD_USER_INPUT" } });
      }
      return value;
    };
  const parse = checker(isValidInput);
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: checker(isValidOutput),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

const DATE_SHAPES = `a real calendar date from the year ${MIN_YEAR} on, as YYYY-MM-DD, YYYY-MM or YYYY`;
// The descriptions live here, not in schema/base.graphql: the schema takes a scalar's description from its resolver object.
export const DateScalar = isoScalar(
  "Date",
  `An ISO-8601 calendar date, possibly partial when only the month or year is known: "2025-12-02" (precision DAY), "2025-03" (MONTH), "2025" (YEAR). ` +
    `A real calendar date from the year ${MIN_YEAR} on. In a filter, a partial date stands for every day it covers. Sent and received as a string.`,
  () => true,
  isValidIsoDate,
  DATE_SHAPES,
);
export const DateTimeScalar = isoScalar(
  "DateTime",
  `An ISO-8601 date-time with the UTC offset the source gives, e.g. "2025-03-14T01:30:00+03:00" (Moscow time), from the year ${MIN_YEAR} on. ` +
    "The offset is kept as given, never converted to UTC. Sent and received as a string.",
  isValidIsoDateTime,
  isValidIsoDateTime,
  `an ISO-8601 date-time with an offset from the year ${MIN_YEAR} on, e.g. 2025-03-14T01:30:00+03:00`,
);

/** The range of days a possibly partial date covers: "2025-03" is 2025-03-01..2025-03-31. */
export const daysOf = (date: string) => periodOf(date, precisionOf(date));

function checkedDate(value: string, argument: string): string {
  if (!isValidIsoDate(value)) throw badUserInput(argument, `${JSON.stringify(value)} is not ${DATE_SHAPES}`);
  return value;
}

/**
 * A filter's from/to as whole days, from the first day of `from` to the last day of `to`, checked
 * to be real dates in order. `argument` names the filter in error messages.
 */
export function dayRange(from: string | null | undefined, to: string | null | undefined, argument: string) {
  const range = {
    from: from ? daysOf(checkedDate(from, `${argument}.from`)).start : undefined,
    to: to ? daysOf(checkedDate(to, `${argument}.to`)).end : undefined,
  };
  if (range.from && range.to && range.from > range.to) throw badUserInput(`${argument}.from`, `${from} is after ${argument}.to ${to}`);
  return range;
}

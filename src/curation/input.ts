/** Small helpers every curation mutation shares. */
import { isValidIsoDate, precisionOf, type DatePrecision } from "../model/dates.js";

/** The path of a mutation's one argument, where every UserError's field starts. */
export const INPUT = ["input"];

/** A date's precision is its shape ("2025-03" is MONTH); an invalid date is reported by the schema, so any precision will do. */
export const precisionOfInput = (date: string): DatePrecision => (isValidIsoDate(date) ? precisionOf(date) : "DAY");

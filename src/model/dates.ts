/**
 * The date rules of the graph: dates may be partial (a year, a month, a day) and each covers a
 * period of days; times are ISO 8601 with an explicit offset. The seed files, the curation API
 * and the API's scalars all check dates by these rules.
 */

/** "2025-12-02", or partial "2025-03" / "2025". */
export type IsoDate = string;
export type DatePrecision = "DAY" | "MONTH" | "YEAR";

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Dates start in the year 1000: the graph stores each date's period as ISO days built on a
 * four-digit year, and no source it records is older.
 */
export const MIN_YEAR = 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a real calendar date in one of the three shapes YYYY, YYYY-MM, YYYY-MM-DD. */
export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m || Number(m[1]) < MIN_YEAR) return false;
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(Number(m[1]), month))) return false;
  return true;
}

/** The precision a date's shape implies: "2025" YEAR, "2025-03" MONTH, "2025-03-14" DAY. */
export function precisionOf(value: IsoDate): DatePrecision {
  return value.length === 4 ? "YEAR" : value.length === 7 ? "MONTH" : "DAY";
}

/** True for an ISO-8601 date-time with an explicit offset ("Z" or "+03:00") and real values. */
export function isValidIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  return !Number.isNaN(Date.parse(value));
}

/** Compares two possibly partial dates on their common prefix: -1, 0 (same or overlapping), 1. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  const n = Math.min(a.length, b.length);
  const x = a.slice(0, n);
  const y = b.slice(0, n);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The first and last day a possibly partial ISO date covers: "2025-03" → 2025-03-01..2025-03-31. */
export function periodOf(date: IsoDate, precision: DatePrecision): { start: string; end: string } {
  if (precision === "DAY") return { start: date, end: date };
  const year = Number(date.slice(0, 4));
  if (precision === "YEAR") return { start: `${year}-01-01`, end: `${year}-12-31` };
  const month = Number(date.slice(5, 7));
  return { start: `${date}-01`, end: `${date}-${String(daysInMonth(year, month)).padStart(2, "0")}` };
}

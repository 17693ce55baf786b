/**
 * How the app words dates and durations. A duration nobody reported is "unknown", never 0;
 * an approximate one says so (≈) and shows the bounds its wording allows.
 */

export interface DurationLike {
  minutes?: number | null;
  minMinutes?: number | null;
  maxMinutes?: number | null;
  approximate: boolean;
}

export interface DurationSummaryLike {
  minutes: number;
  minMinutes: number;
  maxMinutes?: number | null;
  knownCount: number;
  approximateCount: number;
  unknownCount: number;
}

export type DatePrecision = "DAY" | "MONTH" | "YEAR";

/** 270 → "4 h 30 min", 300 → "5 h", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** "≈ 4 h 30 min", "3 h", or "unknown". */
export function formatDuration(duration: DurationLike): string {
  if (duration.minutes == null) return "unknown";
  return `${duration.approximate ? "≈ " : ""}${formatMinutes(duration.minutes)}`;
}

/** "4 h 15 min – 4 h 45 min" when the wording allows a range; null when it does not. */
export function formatBounds({ minMinutes, maxMinutes }: Pick<DurationLike, "minMinutes" | "maxMinutes">): string | null {
  if (minMinutes == null || maxMinutes == null || minMinutes === maxMinutes) return null;
  return `${formatMinutes(minMinutes)} – ${formatMinutes(maxMinutes)}`;
}

/**
 * Total time over several meetings: "≈ 18 h 30 min, and 1 meeting of unknown length",
 * or with `compact` (for tight labels) "≈ 18 h 30 min, and 1 unknown".
 */
export function formatSummary(summary: DurationSummaryLike, { compact = false } = {}): string {
  const meetings = summary.unknownCount === 1 ? "meeting" : "meetings";
  const unknown = compact ? `${summary.unknownCount} unknown` : `${summary.unknownCount} ${meetings} of unknown length`;
  if (summary.knownCount === 0) return summary.unknownCount > 0 ? `unknown (${unknown})` : "unknown";
  const total = `${summary.approximateCount > 0 ? "≈ " : ""}${formatMinutes(summary.minutes)}`;
  return summary.unknownCount > 0 ? `${total}, and ${unknown}` : total;
}

const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2025-04-11" (DAY) → "11 April 2025"; "2025-12" (MONTH) → "December 2025"; "2025" (YEAR) → "2025". */
export function formatDate(date: string, precision: DatePrecision): string {
  const [year, month, day] = date.split("-");
  const monthName = month ? months[Number(month) - 1] : undefined;
  if (precision === "YEAR" || !monthName) return year ?? date;
  if (precision === "MONTH" || !day) return `${monthName} ${year}`;
  return `${Number(day)} ${monthName} ${year}`;
}

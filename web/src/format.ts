/**
 * How the app words dates, durations and the evidence behind a fact. A duration nobody
 * reported is "unknown", never 0; a hedged one says so in the source's terms ("about",
 * "reportedly") and shows the bounds its wording allows.
 */

export type Hedge = "NONE" | "APPROXIMATE" | "REPORTED" | "RUMORED" | "ALLEGED";

export type EvidenceBasis = "STATED" | "INFERRED" | "CURATOR_SUMMARY";

export type DurationBound = "AROUND" | "UNDER" | "OVER";

export interface DurationLike {
  minutes?: number | null;
  minMinutes?: number | null;
  maxMinutes?: number | null;
  /** The number the source's words state, and whether it is about, at most or at least that. */
  figureMinutes?: number | null;
  bound?: DurationBound | null;
  hedge: Hedge;
}

export interface DurationSummaryLike {
  minutes: number;
  minMinutes: number;
  maxMinutes?: number | null;
  knownCount: number;
  approximateCount: number;
  unknownCount: number;
}

export interface SummaryConsensusLike {
  consensusMinMinutes: number;
  consensusMaxMinutes?: number | null;
  knownCount: number;
  incompatibleCount: number;
}

export interface DurationRangeLike {
  minMinutes?: number | null;
  maxMinutes?: number | null;
  compatible: boolean;
  claimCount: number;
}

export interface TimeEstimateLike {
  earliest?: string | null;
  latest?: string | null;
}

export type DatePrecision = "DAY" | "MONTH" | "YEAR";

const hedgeWords: Record<Hedge, string | null> = {
  NONE: null,
  APPROXIMATE: "about",
  REPORTED: "reportedly",
  RUMORED: "rumoured",
  ALLEGED: "allegedly",
};

/** The word a reader expects beside a hedged claim ("reportedly"); null when the source does not hedge. */
export function hedgeWord(hedge: Hedge): string | null {
  return hedgeWords[hedge];
}

/** The marker shown beside a fact that no source states outright; null for a stated one. */
export function evidenceLabel(basis: EvidenceBasis): string | null {
  if (basis === "INFERRED") return "inferred";
  if (basis === "CURATOR_SUMMARY") return "summary";
  return null;
}

/** What the marker means, with the curator's reasoning when there is one; null for a stated fact. */
export function evidenceExplanation(basis: EvidenceBasis, note?: string | null): string | null {
  const reason = note ? `: ${forReaders(note)}` : ".";
  if (basis === "INFERRED") return `Inferred by the curator, not stated by the source${reason}`;
  if (basis === "CURATOR_SUMMARY") return `Rests on the curators' summary of other reporting, not the source's own text${reason}`;
  return null;
}

/**
 * The curators' working notes name their summary file (FACTS.md) and its path; readers are told
 * what it is instead: "the curators' summary of other reporting".
 */
export function forReaders(text: string): string {
  return text
    .replace(/\[FACTS\.md\]\s*/g, "From the curators' summary: ")
    .replace(/\s*\(?\.\.\/shared\/seeds\/FACTS\.md\)?/g, "")
    .replace(/FACTS\.md:\s*(?=the curator)/gi, "")
    .replace(/,? with basis CURATOR_SUMMARY\b/g, ", marked “summary”")
    .replace(/FACTS\.md's/g, "the curators' summary's")
    .replace(/FACTS\.md/g, "the curators' summary of other reporting")
    .replace(/(^|[.!?]\s+)the curators'/g, "$1The curators'")
    .replace(/^the curator/, "The curator");
}

/** 270 → "4 h 30 min", 300 → "5 h", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

const boundWords: Record<DurationBound, string | null> = { AROUND: null, UNDER: "nearly", OVER: "over" };

/**
 * The figure as the source puts it, in words: "about 5 h", "nearly 3 h 30 min", "over 5 h",
 * "reportedly 8 h", a bare "5 h"; "unknown" when there is none (the hedge is then in its wording).
 * The best estimate stands in only when the source's own figure is not known: a midpoint such as
 * 3 h 23 min would claim a precision no source has.
 */
export function formatDuration(duration: DurationLike): string {
  const figure = duration.figureMinutes ?? duration.minutes;
  if (figure == null) return "unknown";
  const bound = duration.figureMinutes != null && duration.bound ? boundWords[duration.bound] : null;
  // "About" is what APPROXIMATE means around a figure; "nearly" and "over" already say it.
  const hedge = duration.hedge === "APPROXIMATE" && bound ? null : hedgeWord(duration.hedge);
  return [hedge, bound, formatMinutes(figure)].filter(Boolean).join(" ");
}

/** "4 h 15 min – 4 h 45 min" when the wording allows a range, "at least 5 h" when it has no upper bound; null when it is exact or unknown. */
export function formatBounds({ minMinutes, maxMinutes }: Pick<DurationLike, "minMinutes" | "maxMinutes">): string | null {
  if (minMinutes == null || minMinutes === maxMinutes) return null;
  if (maxMinutes == null) return `at least ${formatMinutes(minMinutes)}`;
  return `${formatMinutes(minMinutes)} – ${formatMinutes(maxMinutes)}`;
}

/**
 * What every source's duration has in common: "all sources fit 4 h 30 min – 5 h", or "sources
 * disagree" when no single duration fits them all. Null when fewer than two sources give a
 * figure: one source agrees with itself, and its own bounds are shown already.
 */
export function formatConsensus(range: DurationRangeLike | null | undefined): string | null {
  if (!range || range.claimCount < 2) return null;
  if (!range.compatible) return "sources disagree";
  if (range.minMinutes == null) return null;
  if (range.maxMinutes === range.minMinutes) return `all sources fit ${formatMinutes(range.minMinutes)}`;
  return `all sources fit ${formatBounds(range)}`;
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

/**
 * What all sources allow for the time over several meetings: "all sources fit 11 h 45 min –
 * 12 h 30 min", "all sources fit at least 17 h" (a meeting of unknown length has no upper bound),
 * or, when the sources of some meeting contradict each other, how many: no sum is honest then.
 */
export function formatSummaryConsensus(summary: SummaryConsensusLike): string | null {
  if (summary.incompatibleCount > 0) return `sources disagree on ${summary.incompatibleCount} ${summary.incompatibleCount === 1 ? "meeting" : "meetings"}`;
  if (summary.knownCount === 0) return null;
  if (summary.consensusMaxMinutes === summary.consensusMinMinutes) return `all sources fit ${formatMinutes(summary.consensusMinMinutes)}`;
  return `all sources fit ${formatBounds({ minMinutes: summary.consensusMinMinutes, maxMinutes: summary.consensusMaxMinutes })}`;
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

/**
 * A claim's value as a reader would write it: waits in hours ("8 h", "no wait"), dates as
 * precisely as given ("13 March 2025", "March 2025"); other values as the curators wrote them, phrased for readers.
 */
export function formatClaimValue(field: string, value: string): string {
  if (field === "wait" && /^\d+$/.test(value)) return value === "0" ? "no wait" : formatMinutes(Number(value));
  if (field === "date" && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    const precisions: DatePrecision[] = ["YEAR", "MONTH", "DAY"];
    return formatDate(value, precisions[value.split("-").length - 1] ?? "DAY");
  }
  return forReaders(value);
}

interface WallClock {
  day: string;
  time: string;
  zone: string;
}

/**
 * A date-time as the clock on the wall read it where it was recorded: the offset the source's
 * time was given in is kept, not converted to the reader's time zone.
 */
function wallClock(dateTime: string): WallClock | null {
  const parts = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(dateTime);
  if (!parts) return null;
  const [, day = "", time = "", offset = ""] = parts;
  return { day: formatDate(day, "DAY"), time, zone: offset === "Z" || offset === "+00:00" ? "UTC" : `UTC${offset}` };
}

function formatWallClock(at: WallClock, { withZone = true } = {}): string {
  return `${at.day}, ${at.time}${withZone ? ` (${at.zone})` : ""}`;
}

/**
 * When a meeting began or ended, as precisely as the sources allow: "3 December 2025, 01:30
 * (UTC+03:00)", "3 December 2025, between 01:00 and 02:00 (UTC+03:00)", "after …", "before …";
 * null when neither end is known.
 */
export function formatTimeEstimate({ earliest, latest }: TimeEstimateLike): string | null {
  const from = earliest ? wallClock(earliest) : null;
  const to = latest ? wallClock(latest) : null;
  if (from && to) {
    if (earliest === latest) return formatWallClock(from);
    if (from.zone !== to.zone) return `between ${formatWallClock(from)} and ${formatWallClock(to)}`;
    if (from.day !== to.day) return `between ${formatWallClock(from, { withZone: false })} and ${formatWallClock(to)}`;
    return `${from.day}, between ${from.time} and ${to.time} (${to.zone})`;
  }
  if (from) return `after ${formatWallClock(from)}`;
  if (to) return `before ${formatWallClock(to)}`;
  return null;
}

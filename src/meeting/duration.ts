/** Durations: one claim's figure and bounds, and sums over many meetings that keep unknowns apart. */

/** A Duration as the API shows it: the preferred claim on a meeting, or any duration claim. */
export interface DurationRecord {
  minutes: number | null;
  minMinutes: number | null;
  maxMinutes: number | null;
  approximate: boolean;
  wording: string | null;
  sourceId: string | null;
}

/**
 * The duration figures of meeting `m` as a map `d`. Read once per meeting: the aggregates below
 * read each figure several times, and a map lookup costs no database access.
 */
export const DURATION_FIGURES = `m {.durationMinutes, .durationMinMinutes, .durationMaxMinutes, .durationApproximate} AS d`;

/**
 * Aggregates over rows binding `d` (DURATION_FIGURES), named for DURATION_SUMMARY. The preferred
 * duration is copied onto each meeting. A figure without a bound stands in for that bound; no
 * figure and no bound leaves the upper sum unknown (null), while the lower sum counts it as 0.
 */
export const DURATION_AGGREGATES = `
  count(d) AS meetingCount,
  sum(coalesce(d.durationMinutes, 0)) AS minutes,
  sum(coalesce(d.durationMinMinutes, d.durationMinutes, 0)) AS minMinutes,
  sum(coalesce(d.durationMaxMinutes, d.durationMinutes)) AS maxSum,
  count(coalesce(d.durationMaxMinutes, d.durationMinutes)) AS upperBoundCount,
  count(d.durationMinutes) AS knownCount,
  count(CASE WHEN d.durationMinutes IS NOT NULL AND d.durationApproximate THEN 1 END) AS approximateCount`;

/** A DurationSummary from the columns of DURATION_AGGREGATES. */
export const DURATION_SUMMARY = `{
  minutes: minutes,
  minMinutes: minMinutes,
  maxMinutes: CASE WHEN upperBoundCount = meetingCount THEN maxSum END,
  knownCount: knownCount,
  approximateCount: approximateCount,
  unknownCount: meetingCount - knownCount
}`;

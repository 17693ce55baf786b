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
 * A DurationSummary of the meetings in list `ms`, from the preferred duration copied onto each
 * meeting. A figure without a bound stands in for that bound; no figure and no bound means the
 * upper sum is unknown (null), while the lower sum counts it as 0.
 */
export const DURATION_SUMMARY = `{
  minutes: reduce(total = 0, x IN ms | total + coalesce(x.durationMinutes, 0)),
  minMinutes: reduce(total = 0, x IN ms | total + coalesce(x.durationMinMinutes, x.durationMinutes, 0)),
  maxMinutes: CASE WHEN any(x IN ms WHERE coalesce(x.durationMaxMinutes, x.durationMinutes) IS NULL) THEN null
                   ELSE reduce(total = 0, x IN ms | total + coalesce(x.durationMaxMinutes, x.durationMinutes)) END,
  knownCount: size([x IN ms WHERE x.durationMinutes IS NOT NULL]),
  approximateCount: size([x IN ms WHERE x.durationMinutes IS NOT NULL AND x.durationApproximate]),
  unknownCount: size([x IN ms WHERE x.durationMinutes IS NULL])
}`;

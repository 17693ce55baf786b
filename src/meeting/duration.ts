/** Durations: one claim's figure and bounds, and sums over many meetings that keep unknowns apart. */
import type { DurationBound, Hedge } from "../__generated__/resolvers.js";

/** A Duration as the API shows it: the preferred claim on a meeting, or any duration claim. */
export interface DurationRecord {
  minutes: number | null;
  minMinutes: number | null;
  maxMinutes: number | null;
  approximate: boolean;
  hedge: Hedge;
  figureMinutes: number | null;
  granularityMinutes: number | null;
  bound: DurationBound | null;
  wording: string | null;
  sourceId: string | null;
}

/** The figures of duration claim `c`, as DurationRecord entries; a claim stored before hedges existed reads as unhedged. */
export const DURATION_CLAIM_FIGURES = `minutes: c.minutes, minMinutes: c.minMinutes, maxMinutes: c.maxMinutes,
    approximate: coalesce(c.approximate, false), hedge: coalesce(c.hedge, 'NONE'),
    figureMinutes: c.figureMinutes, granularityMinutes: c.granularityMinutes, bound: c.bound`;

/**
 * The duration figures of meeting `m` as a map `d`. Read once per meeting: the aggregates below
 * read each figure several times, and a map lookup costs no database access.
 */
export const DURATION_FIGURES = `m {.durationMinutes, .durationMinMinutes, .durationMaxMinutes, .durationApproximate,
  .consensusMinMinutes, .consensusMaxMinutes, .consensusCompatible} AS d`;

/**
 * Aggregates over rows binding `d` (DURATION_FIGURES), named for DURATION_SUMMARY. The preferred
 * duration and the consensus of all duration claims are copied onto each meeting. A figure
 * without a bound stands in for that bound; no figure and no bound leaves the upper sum unknown
 * (null), while the lower sum counts it as 0. The consensus sums treat a meeting without a
 * consensus the same way.
 */
export const DURATION_AGGREGATES = `
  count(d) AS meetingCount,
  sum(coalesce(d.durationMinutes, 0)) AS minutes,
  sum(coalesce(d.durationMinMinutes, d.durationMinutes, 0)) AS minMinutes,
  sum(coalesce(d.durationMaxMinutes, d.durationMinutes)) AS maxSum,
  count(coalesce(d.durationMaxMinutes, d.durationMinutes)) AS upperBoundCount,
  count(d.durationMinutes) AS knownCount,
  count(CASE WHEN d.durationMinutes IS NOT NULL AND d.durationApproximate THEN 1 END) AS approximateCount,
  sum(coalesce(d.consensusMinMinutes, 0)) AS consensusMinMinutes,
  sum(d.consensusMaxMinutes) AS consensusMaxSum,
  count(d.consensusMaxMinutes) AS consensusUpperBoundCount,
  count(CASE WHEN d.consensusCompatible = false THEN 1 END) AS incompatibleCount`;

const PREFERRED_SUMS = `
  minutes: minutes,
  minMinutes: minMinutes,
  maxMinutes: CASE WHEN upperBoundCount = meetingCount THEN maxSum END,
  knownCount: knownCount,
  approximateCount: approximateCount,
  unknownCount: meetingCount - knownCount`;

/** The sums of the preferred durations from the columns of DURATION_AGGREGATES, as the benchmark's floor answers them (bench/scenarios.ts). */
export const DURATION_SUMMARY = `{${PREFERRED_SUMS}
}`;

/** A whole DurationSummary from the columns of DURATION_AGGREGATES: the preferred durations' sums and the consensus sums. */
export const DURATION_SUMMARY_WITH_CONSENSUS = `{${PREFERRED_SUMS},
  consensusMinMinutes: consensusMinMinutes,
  consensusMaxMinutes: CASE WHEN consensusUpperBoundCount = meetingCount THEN consensusMaxSum END,
  incompatibleCount: incompatibleCount
}`;

import { graphql } from "../__generated__";
import type { DurationFieldsFragment, DurationSummaryFieldsFragment } from "../__generated__/graphql";
import { formatBounds, formatDuration, formatSummary, formatSummaryConsensus } from "../format";

export const DurationFields = graphql(`
  fragment DurationFields on Duration {
    minutes
    minMinutes
    maxMinutes
    figureMinutes
    bound
    hedge
    wording
  }
`);

export const DurationSummaryFields = graphql(`
  fragment DurationSummaryFields on DurationSummary {
    minutes
    minMinutes
    maxMinutes
    knownCount
    approximateCount
    unknownCount
    consensusMinMinutes
    consensusMaxMinutes
    incompatibleCount
  }
`);

/** One meeting's duration: "nearly 5 h (4 h 30 min – 5 h)", or "unknown"; the source's words on hover. */
export function DurationText({ duration }: { duration: DurationFieldsFragment }) {
  const bounds = formatBounds(duration);
  const unknown = duration.minutes == null;
  return (
    <span className={unknown ? "duration unknown" : "duration"} title={duration.wording ? `“${duration.wording}”` : undefined}>
      {formatDuration(duration)}
      {bounds && <span className="bounds"> ({bounds})</span>}
    </span>
  );
}

/** Time over several meetings, with the range the wordings allow, what all sources agree on, and what is unknown. */
export function DurationSummaryText({ summary }: { summary: DurationSummaryFieldsFragment }) {
  // The bounds are worth showing only when some figure is hedged; they are open-ended (none) when a meeting's length is unknown.
  const range = summary.approximateCount > 0 && summary.maxMinutes != null ? formatBounds(summary) : null;
  const consensus = formatSummaryConsensus(summary);
  return (
    <span className="duration">
      {formatSummary(summary)}
      {range && <span className="bounds"> ({range})</span>}
      {consensus && <span className={summary.incompatibleCount > 0 ? "consensus disagree" : "consensus"}>{consensus}</span>}
    </span>
  );
}

import { graphql } from "../__generated__";
import type { TimeEstimateFieldsFragment } from "../__generated__/graphql";
import { formatTimeEstimate } from "../format";
import { EvidenceMarker } from "./Evidence";
import { SourceName } from "./Source";

export const TimeEstimateFields = graphql(`
  fragment TimeEstimateFields on TimeEstimate {
    earliest
    latest
    wording
    basis
    note
    source {
      id
      publisher
      title
    }
  }
`);

/** When a meeting began or ended, as the window the source's words allow, with those words and who gives them. */
export function TimeEstimateText({ estimate }: { estimate: TimeEstimateFieldsFragment }) {
  return (
    <span className="time-estimate">
      <span className="window">{formatTimeEstimate(estimate) ?? "time not known"}</span>
      {estimate.wording && <q>{estimate.wording}</q>}
      {estimate.source && (
        <span className="muted">
          {" "}
          according to <SourceName source={estimate.source} />
        </span>
      )}
      <EvidenceMarker basis={estimate.basis} note={estimate.note} />
    </span>
  );
}

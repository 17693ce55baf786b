import { graphql } from "../__generated__";
import type { ClaimFieldsFragment } from "../__generated__/graphql";
import { useQuery } from "../api";
import { ClaimsBySource } from "../components/ClaimsBySource";
import { DurationText } from "../components/Duration";
import { EvidenceMarker, SourceReferences } from "../components/Evidence";
import { placeLabel } from "../components/Place";
import { SourceName } from "../components/Source";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";
import { TimeEstimateText } from "../components/TimeEstimate";
import { formatConsensus, formatDate } from "../format";
import { href } from "../router";

const MeetingPageQuery = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      kind
      date
      datePrecision
      outcome
      began {
        ...TimeEstimateFields
      }
      ended {
        ...TimeEstimateFields
      }
      place {
        ...PlaceFields
      }
      duration {
        ...DurationFields
        source {
          ...SourceFields
        }
      }
      durationConsensus {
        minMinutes
        maxMinutes
        compatible
        claimCount
      }
      participants {
        person {
          id
          name
        }
        role
        delegation {
          id
          name
        }
        sources {
          ...SourceReferenceFields
        }
      }
      statements {
        ...StatementFields
      }
      sources {
        ...SourceFields
      }
      claims {
        ...ClaimFields
      }
      conflicts {
        ...ConflictFields
      }
    }
  }
`);

/** The claim a meeting-level fact (its date, its place, its duration) shows: the preferred one, else the only one. */
function shownClaim(claims: ClaimFieldsFragment[], field: string): ClaimFieldsFragment | undefined {
  const about = claims.filter((claim) => claim.field === field);
  return about.find((claim) => claim.rank === "PREFERRED") ?? (about.length === 1 ? about[0] : undefined);
}

/** The evidence marker of the claim a meeting-level fact rests on; nothing when it is stated or no claim backs it. */
function FactEvidence({ claims, field }: { claims: ClaimFieldsFragment[]; field: string }) {
  const claim = shownClaim(claims, field);
  return claim ? <EvidenceMarker basis={claim.basis} note={claim.note} /> : null;
}

/** One meeting: who attended, what was said, and what each source claims, true conflicts highlighted. */
export function MeetingPage({ id }: { id: string }) {
  const result = useQuery(MeetingPageQuery, { id });
  return (
    <Status state={result}>
      {({ meeting }) => {
        if (!meeting) return <p className="error">No meeting with the id “{id}”.</p>;
        const durationClaim = shownClaim(meeting.claims, "duration");
        const consensus = formatConsensus(meeting.durationConsensus);
        return (
          <article>
            <h1>{meeting.title}</h1>
            <dl className="facts">
              <dt>When</dt>
              <dd className="meeting-date">
                <time dateTime={meeting.date}>{formatDate(meeting.date, meeting.datePrecision)}</time>
                {meeting.datePrecision !== "DAY" && <span className="muted"> (the day is not known)</span>}
                <FactEvidence claims={meeting.claims} field="date" />
              </dd>
              {meeting.began && (
                <>
                  <dt>Began</dt>
                  <dd className="meeting-began">
                    <TimeEstimateText estimate={meeting.began} />
                  </dd>
                </>
              )}
              {meeting.ended && (
                <>
                  <dt>Ended</dt>
                  <dd className="meeting-ended">
                    <TimeEstimateText estimate={meeting.ended} />
                  </dd>
                </>
              )}
              <dt>Where</dt>
              <dd className="meeting-place">
                {placeLabel(meeting.place)}
                <FactEvidence claims={meeting.claims} field="place" />
              </dd>
              <dt>How long</dt>
              <dd className="meeting-duration">
                <DurationText duration={meeting.duration} />
                {meeting.duration.wording && <q>{meeting.duration.wording}</q>}
                {meeting.duration.source && (
                  <span className="muted">
                    {" "}
                    according to{" "}
                    {durationClaim?.claimant ? (
                      <>
                        <a href={href.person(durationClaim.claimant.id)}>{durationClaim.claimant.name}</a>, on <SourceName source={meeting.duration.source} />
                      </>
                    ) : (
                      <SourceName source={meeting.duration.source} />
                    )}
                  </span>
                )}
                {durationClaim && <EvidenceMarker basis={durationClaim.basis} note={durationClaim.note} />}
                {consensus && <div className={meeting.durationConsensus?.compatible ? "consensus" : "consensus disagree"}>{consensus}</div>}
              </dd>
              {meeting.outcome && (
                <>
                  <dt>Outcome</dt>
                  <dd>{meeting.outcome}</dd>
                </>
              )}
            </dl>

            <h2>Participants ({meeting.participants.length})</h2>
            <table className="participants">
              <thead>
                <tr>
                  <th>Person</th>
                  <th>Delegation</th>
                  <th>Role</th>
                  <th>Placed there by</th>
                </tr>
              </thead>
              <tbody>
                {meeting.participants.map((participant) => (
                  <tr key={participant.person.id} data-person-id={participant.person.id}>
                    <td>
                      <a href={href.person(participant.person.id)}>{participant.person.name}</a>
                    </td>
                    <td>{participant.delegation?.name ?? "—"}</td>
                    <td>{participant.role ?? <span className="muted">not stated</span>}</td>
                    <td>
                      <SourceReferences references={participant.sources} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>

            <h2>Statements ({meeting.statements.length})</h2>
            <Statements statements={meeting.statements} />

            <h2>What the sources say</h2>
            <ClaimsBySource meetingId={meeting.id} claims={meeting.claims} conflicts={meeting.conflicts} sources={meeting.sources} />
          </article>
        );
      }}
    </Status>
  );
}

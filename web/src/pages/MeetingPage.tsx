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

/**
 * The claims a meeting-level fact rests on: those giving its value (its date, its place), or for
 * the duration, the preferred one.
 */
function backing(claims: ClaimFieldsFragment[], field: string, value?: string | null): ClaimFieldsFragment[] {
  return claims.filter((claim) => claim.field === field && (value === undefined ? claim.rank === "PREFERRED" : claim.value === value));
}

/**
 * The claims worth reading side by side: a duration that only one source gives is shown in full
 * under "How long" already (figure, words, source), so the table does not repeat it.
 */
function claimsToCompare(claims: ClaimFieldsFragment[]): ClaimFieldsFragment[] {
  const durations = claims.filter((claim) => claim.field === "duration");
  return durations.length === 1 ? claims.filter((claim) => claim.field !== "duration") : claims;
}

/** Marks a meeting-level fact that no source states: none of the claims it rests on is stated. */
function FactEvidence({ claims }: { claims: ClaimFieldsFragment[] }) {
  const [first] = claims;
  if (!first || claims.some((claim) => claim.basis === "STATED")) return null;
  return <EvidenceMarker basis={first.basis} note={first.note} />;
}

/** One meeting: who attended, what was said, and what each source claims, true conflicts highlighted. */
export function MeetingPage({ id }: { id: string }) {
  const result = useQuery(MeetingPageQuery, { id });
  return (
    <Status state={result}>
      {({ meeting }) => {
        if (!meeting) return <p className="error">No meeting with the id “{id}”.</p>;
        const [durationClaim] = backing(meeting.claims, "duration");
        const consensus = formatConsensus(meeting.durationConsensus);
        return (
          <article>
            <h1>{meeting.title}</h1>
            <dl className="facts">
              <dt>When</dt>
              <dd className="meeting-date">
                <time dateTime={meeting.date}>{formatDate(meeting.date, meeting.datePrecision)}</time>
                {meeting.datePrecision !== "DAY" && <span className="muted"> (the day is not known)</span>}
                <FactEvidence claims={backing(meeting.claims, "date", meeting.date)} />
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
                <FactEvidence claims={backing(meeting.claims, "place", meeting.place?.id)} />
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
                <FactEvidence claims={durationClaim ? [durationClaim] : []} />
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
            <div className="scroll">
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
            </div>

            <h2>Statements ({meeting.statements.length})</h2>
            <Statements statements={meeting.statements} />

            <h2>What the sources say</h2>
            <ClaimsBySource meetingId={meeting.id} claims={claimsToCompare(meeting.claims)} conflicts={meeting.conflicts} sources={meeting.sources} />
          </article>
        );
      }}
    </Status>
  );
}

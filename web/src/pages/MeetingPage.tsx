import { graphql } from "../__generated__";
import { useState } from "react";
import type { ClaimFieldsFragment, MeetingChangeKind, MeetingPageFieldsFragment } from "../__generated__/graphql";
import { execute, useQuery } from "../api";
import { ClaimsBySource } from "../components/ClaimsBySource";
import { DurationText } from "../components/Duration";
import { EvidenceMarker, SourceReferences } from "../components/Evidence";
import { LiveNote, type LiveUpdate } from "../components/LiveNote";
import { placeLabel } from "../components/Place";
import { SourceName } from "../components/Source";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";
import { TimeEstimateText } from "../components/TimeEstimate";
import { formatConsensus, formatDate } from "../format";
import { useSubscription } from "../live";
import { href } from "../router";

export const MeetingPageFields = graphql(`
  fragment MeetingPageFields on Meeting {
    id
    title
    kind
    heldOn
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
`);

const MeetingPageQuery = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      ...MeetingPageFields
    }
  }
`);

/** The meeting again after each change a curator commits, with what changed and who changed it. */
const MeetingChangedSubscription = graphql(`
  subscription MeetingChanged($id: ID!) {
    meetingChanged(id: $id) {
      change
      actor
      at
      claimIds
      meeting {
        ...MeetingPageFields
      }
    }
  }
`);

/** What a live event did to the meeting, in a reader's words; `claims` is how many of its claims it touched. */
function meetingChangeWords(change: MeetingChangeKind, claims: number): string {
  const aClaim = claims > 1 ? `${claims} claims were` : "a claim was";
  switch (change) {
    case "CREATED":
      return "the meeting was described again";
    case "UPDATED":
      return "the meeting was updated";
    case "CLAIMS_ATTACHED":
      return `${aClaim} attached`;
    case "CLAIM_RETRACTED":
      return `${aClaim} retracted`;
    case "CLAIM_RANKED":
      return `${aClaim} ranked anew`;
    case "STATEMENT_ADDED":
      return "a statement was added or reworded";
    case "PARTICIPANT_MERGED":
      return "a participant was merged with another person";
    case "PROPOSALS_ACCEPTED":
      return "proposals from an article were accepted";
  }
}

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
  // The meeting as the latest live event (or the read after a reconnection) has it, for as long as the page shows that meeting.
  const [latest, setLatest] = useState<{ id: string; meeting: MeetingPageFieldsFragment | null; update: LiveUpdate | null } | null>(null);
  useSubscription(
    MeetingChangedSubscription,
    { id },
    ({ meetingChanged: event }) => {
      const claims = event.claimIds.length;
      setLatest({ id, meeting: event.meeting ?? null, update: { what: meetingChangeWords(event.change, claims), actor: event.actor, at: event.at } });
    },
    () => {
      // A failed read changes nothing: the page keeps what it shows until the next event or reconnection.
      execute(MeetingPageQuery, { id }).then(
        ({ meeting }) => setLatest((previous) => ({ id, meeting, update: previous?.id === id ? previous.update : null })),
        () => {},
      );
    },
  );
  const live = latest?.id === id ? latest : null;
  return (
    <Status state={result}>
      {(data) => {
        const meeting = live ? live.meeting : data.meeting;
        if (!meeting) return <p className="error">No meeting with the id “{id}”.</p>;
        const [durationClaim] = backing(meeting.claims, "duration");
        const consensus = formatConsensus(meeting.durationConsensus);
        return (
          <article>
            <h1>{meeting.title}</h1>
            {live?.update && <LiveNote update={live.update} />}
            <dl className="facts">
              <dt>When</dt>
              <dd className="meeting-date">
                <time dateTime={meeting.heldOn}>{formatDate(meeting.heldOn, meeting.datePrecision)}</time>
                {meeting.datePrecision !== "DAY" && <span className="muted"> (the day is not known)</span>}
                <FactEvidence claims={backing(meeting.claims, "date", meeting.heldOn)} />
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

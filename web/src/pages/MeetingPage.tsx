import { graphql } from "../__generated__";
import { useQuery } from "../api";
import { ClaimsBySource } from "../components/ClaimsBySource";
import { DurationText } from "../components/Duration";
import { placeLabel } from "../components/Place";
import { SourceName } from "../components/Source";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";
import { formatDate } from "../format";
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
      place {
        ...PlaceFields
      }
      duration {
        ...DurationFields
        source {
          ...SourceFields
        }
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
    }
  }
`);

/** One meeting: who attended, what was said, and what each source claims, disagreements side by side. */
export function MeetingPage({ id }: { id: string }) {
  const result = useQuery(MeetingPageQuery, { id });
  return (
    <Status state={result}>
      {({ meeting }) =>
        meeting ? (
          <article>
            <h1>{meeting.title}</h1>
            <dl className="facts">
              <dt>When</dt>
              <dd>
                <time dateTime={meeting.date}>{formatDate(meeting.date, meeting.datePrecision)}</time>
                {meeting.datePrecision !== "DAY" && <span className="muted"> (the day is not known)</span>}
              </dd>
              <dt>Where</dt>
              <dd>{placeLabel(meeting.place)}</dd>
              <dt>How long</dt>
              <dd className="meeting-duration">
                <DurationText duration={meeting.duration} />
                {meeting.duration.wording && <q>{meeting.duration.wording}</q>}
                {meeting.duration.source && (
                  <span className="muted">
                    {" "}
                    according to <SourceName source={meeting.duration.source} />
                  </span>
                )}
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
                </tr>
              </thead>
              <tbody>
                {meeting.participants.map((participant) => (
                  <tr key={participant.person.id}>
                    <td>
                      <a href={href.person(participant.person.id)}>{participant.person.name}</a>
                    </td>
                    <td>{participant.delegation?.name ?? "—"}</td>
                    <td>{participant.role ?? <span className="muted">not stated</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>

            <h2>Statements ({meeting.statements.length})</h2>
            <Statements statements={meeting.statements} />

            <h2>What the sources say</h2>
            <ClaimsBySource claims={meeting.claims} sources={meeting.sources} />
          </article>
        ) : (
          <p className="error">No meeting with the id “{id}”.</p>
        )
      }
    </Status>
  );
}

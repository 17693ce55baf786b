/** Statements with each source's wording of them, side by side: sources rarely quote alike. */
import { graphql } from "../__generated__";
import type { StatementFieldsFragment } from "../__generated__/graphql";
import { formatDate } from "../format";
import { href } from "../router";
import { SourceName } from "./Source";

export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    id
    text
    quoted
    saidOn
    datePrecision
    occasion
    speaker {
      id
      name
    }
    meeting {
      id
      title
    }
    wordings {
      id
      text
      source {
        ...SourceFields
      }
    }
  }
`);

/** `showMeeting`: link each statement to the meeting it was made at (not needed on that meeting's own page). */
export function Statements({ statements, showMeeting = false }: { statements: StatementFieldsFragment[]; showMeeting?: boolean }) {
  if (statements.length === 0) return <p className="muted">No statements on record.</p>;
  return (
    <ul className="statements">
      {statements.map((statement) => (
        <li key={statement.id} data-statement-id={statement.id}>
          <div className="said">
            <a href={href.person(statement.speaker.id)}>{statement.speaker.name}</a>
            {statement.saidOn && statement.datePrecision && <span className="muted">, {formatDate(statement.saidOn, statement.datePrecision)}</span>}
            {statement.occasion && <span className="muted">, {statement.occasion}</span>}
            {showMeeting && statement.meeting && (
              <span className="muted">
                , about <a href={href.meeting(statement.meeting.id)}>{statement.meeting.title}</a>
              </span>
            )}
            {!statement.quoted && <span className="badge">paraphrase</span>}
          </div>
          <div className="wordings">
            {statement.wordings.map((wording) => (
              <figure key={wording.id} className="wording">
                <blockquote>{wording.text}</blockquote>
                <figcaption>
                  <SourceName source={wording.source} />
                </figcaption>
              </figure>
            ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

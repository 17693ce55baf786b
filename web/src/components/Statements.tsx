/**
 * Statements with each source's wording of them, side by side: sources rarely quote alike.
 * Each wording says whether it is a quote or the source's paraphrase, whom the source names
 * as the speaker when that differs ("attributed to the Kremlin"), and how it is known.
 */
import { graphql } from "../__generated__";
import type { StatementFieldsFragment } from "../__generated__/graphql";
import { formatDate } from "../format";
import { href } from "../router";
import { EvidenceMarker } from "./Evidence";
import { SourceName } from "./Source";

export const StatementFields = graphql(`
  fragment StatementFields on Statement {
    id
    text
    madeOn
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
      quoted
      attributedTo
      basis
      note
      source {
        id
        publisher
        title
      }
    }
  }
`);

type Wording = StatementFieldsFragment["wordings"][number];

function WordingFigure({ wording }: { wording: Wording }) {
  return (
    <figure className={wording.quoted ? "wording quote" : "wording paraphrase"} data-wording-id={wording.id} data-source-id={wording.source.id}>
      {wording.quoted ? <blockquote>{wording.text}</blockquote> : <p>{wording.text}</p>}
      <figcaption>
        <SourceName source={wording.source} />
        <span className="form"> · {wording.quoted ? "quote" : "paraphrase"}</span>
        {wording.attributedTo && <span className="attribution"> · attributed to {wording.attributedTo}</span>}
        <EvidenceMarker basis={wording.basis} note={wording.note} />
      </figcaption>
    </figure>
  );
}

/**
 * `showMeeting`: link each statement to the meeting it was made at (not needed on that meeting's own page).
 * `sourceId`: only that source's wordings (on a source's page).
 */
export function Statements({ statements, showMeeting = false, sourceId }: { statements: StatementFieldsFragment[]; showMeeting?: boolean; sourceId?: string }) {
  if (statements.length === 0) return <p className="muted">No statements on record.</p>;
  return (
    <ul className="statements">
      {statements.map((statement) => (
        <li key={statement.id} data-statement-id={statement.id}>
          <div className="said">
            <a href={href.person(statement.speaker.id)}>{statement.speaker.name}</a>
            {statement.madeOn && statement.datePrecision && <span className="muted">, {formatDate(statement.madeOn, statement.datePrecision)}</span>}
            {statement.occasion && <span className="muted">, {statement.occasion}</span>}
            {showMeeting && statement.meeting && (
              <span className="muted">
                , about <a href={href.meeting(statement.meeting.id)}>{statement.meeting.title}</a>
              </span>
            )}
          </div>
          <div className="wordings">
            {statement.wordings
              .filter((wording) => !sourceId || wording.source.id === sourceId)
              .map((wording) => (
                <WordingFigure key={wording.id} wording={wording} />
              ))}
          </div>
        </li>
      ))}
    </ul>
  );
}

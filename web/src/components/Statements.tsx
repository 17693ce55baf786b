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
    wordings {
      id
      text
      source {
        ...SourceFields
      }
    }
  }
`);

export function Statements({ statements }: { statements: StatementFieldsFragment[] }) {
  if (statements.length === 0) return <p className="muted">No statements on record.</p>;
  return (
    <ul className="statements">
      {statements.map((statement) => (
        <li key={statement.id} data-statement-id={statement.id}>
          <div className="said">
            <a href={href.person(statement.speaker.id)}>{statement.speaker.name}</a>
            {statement.saidOn && statement.datePrecision && <span className="muted">, {formatDate(statement.saidOn, statement.datePrecision)}</span>}
            {statement.occasion && <span className="muted">, {statement.occasion}</span>}
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

/**
 * Every sourced assertion about a meeting in one table: a row per field (duration, date,
 * place, wait, …), a column per source, so the sources read side by side. Where the API finds
 * the values differ (Meeting.conflicts), the row says whether one reality could fit them all:
 * compatible differences are noted quietly, true contradictions are highlighted.
 */
import { graphql } from "../__generated__";
import type { ClaimFieldsFragment, ConflictFieldsFragment, SourceFieldsFragment } from "../__generated__/graphql";
import { formatDate, forReaders } from "../format";
import { href } from "../router";
import { ClaimValue } from "./Claim";
import { SourceName, sourceLabel } from "./Source";

export const ConflictFields = graphql(`
  fragment ConflictFields on Conflict {
    field
    compatible
    explanation
    claims {
      id
      wording
      value
      source {
        id
        publisher
        title
      }
      meeting {
        id
        title
      }
    }
  }
`);

/** The fields in the order they first appear, the duration first: it is what readers look for. */
function fieldsOf(claims: ClaimFieldsFragment[]): string[] {
  const fields = [...new Set(claims.map((claim) => claim.field))];
  return fields.sort((a, b) => Number(b === "duration") - Number(a === "duration"));
}

/** A conflict's verdict, in the row header: a warning when the values contradict each other, a quiet note when they do not. */
function ConflictVerdict({ conflict, meetingId }: { conflict: ConflictFieldsFragment; meetingId: string }) {
  // A record ("longest to date") is weighed against other meetings' claims, which this table does not show.
  const elsewhere = conflict.claims.filter((claim) => claim.meeting.id !== meetingId);
  return (
    <div className={conflict.compatible ? "verdict compatible" : "verdict incompatible"}>
      {conflict.compatible ? <span className="agreement">compatible</span> : <span className="badge warn">sources conflict</span>}
      <div className="explanation">{conflict.explanation}</div>
      {elsewhere.length > 0 && (
        <ul className="elsewhere">
          {elsewhere.map((claim) => (
            <li key={claim.id} data-claim-id={claim.id}>
              <a href={href.meeting(claim.meeting.id)}>{claim.meeting.title}</a>: {sourceLabel(claim.source)}, <q>{claim.wording ?? claim.value}</q>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SourceHeading({ source }: { source: SourceFieldsFragment }) {
  return (
    <>
      <SourceName source={source} />
      {source.publishedOn && source.datePrecision && <div className="muted">{formatDate(source.publishedOn, source.datePrecision)}</div>}
    </>
  );
}

export function ClaimsBySource({
  meetingId,
  claims,
  conflicts,
  sources,
}: {
  meetingId: string;
  claims: ClaimFieldsFragment[];
  conflicts: ConflictFieldsFragment[];
  sources: SourceFieldsFragment[];
}) {
  const columns = sources.filter((source) => claims.some((claim) => claim.source.id === source.id));
  return (
    <>
      {claims.length === 0 ? (
        <p className="muted">No claims on record.</p>
      ) : (
        <div className="scroll">
          <table className="claims">
            <thead>
              <tr>
                <th>Claim</th>
                {columns.map((source) => (
                  <th key={source.id} data-source-id={source.id}>
                    <SourceHeading source={source} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {fieldsOf(claims).map((field) => {
                const about = claims.filter((claim) => claim.field === field);
                const conflict = conflicts.find((candidate) => candidate.field === field);
                const verdict = conflict && (conflict.compatible ? "compatible" : "incompatible");
                return (
                  <tr key={field} data-field={field} data-conflict={verdict} className={verdict}>
                    <th scope="row">
                      {field.replaceAll("-", " ")}
                      {conflict && <ConflictVerdict conflict={conflict} meetingId={meetingId} />}
                    </th>
                    {columns.map((source) => (
                      <td key={source.id} data-source-id={source.id}>
                        {about
                          .filter((claim) => claim.source.id === source.id)
                          .map((claim) => (
                            <ClaimValue key={claim.id} claim={claim} />
                          ))}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <h3>Sources ({sources.length})</h3>
      <ol className="sources">
        {sources.map((source) => (
          <li key={source.id}>
            <a href={href.source(source.id)}>{forReaders(source.title)}</a>
            <span className="muted">
              {" "}
              {[source.publisher, source.publishedOn && source.datePrecision && formatDate(source.publishedOn, source.datePrecision)]
                .filter(Boolean)
                .join(", ")}
            </span>
            {source.url && (
              <>
                {" · "}
                <a href={source.url} rel="noreferrer" target="_blank">
                  read the original
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

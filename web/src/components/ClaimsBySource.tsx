/**
 * Every sourced assertion about a meeting in one table: a row per field (duration, date,
 * place, wait, …), a column per source, so disagreements read side by side. A row whose
 * sources give different values is marked.
 */
import { graphql } from "../__generated__";
import type { ClaimFieldsFragment, SourceFieldsFragment } from "../__generated__/graphql";
import { formatDate } from "../format";
import { DurationText } from "./Duration";
import { SourceName } from "./Source";

export const ClaimFields = graphql(`
  fragment ClaimFields on Claim {
    id
    field
    value
    wording
    excerpt
    preferred
    duration {
      ...DurationFields
    }
    source {
      id
    }
  }
`);

/** The fields in the order they first appear, the duration first: it is what readers look for. */
function fieldsOf(claims: ClaimFieldsFragment[]): string[] {
  const fields = [...new Set(claims.map((claim) => claim.field))];
  return fields.sort((a, b) => Number(b === "duration") - Number(a === "duration"));
}

function ClaimValue({ claim }: { claim: ClaimFieldsFragment }) {
  return (
    <div className="claim" title={claim.excerpt ?? undefined} data-claim-id={claim.id}>
      {claim.duration ? <DurationText duration={claim.duration} /> : <span className="value">{claim.value}</span>}
      {claim.wording && claim.wording !== claim.value && <q>{claim.wording}</q>}
      {claim.preferred && <span className="badge" title="The figure the meeting's duration shows">preferred</span>}
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

export function ClaimsBySource({ claims, sources }: { claims: ClaimFieldsFragment[]; sources: SourceFieldsFragment[] }) {
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
                const disputed = new Set(about.map((claim) => claim.value)).size > 1;
                return (
                  <tr key={field} data-field={field} className={disputed ? "disputed" : undefined}>
                    <th scope="row">
                      {field.replaceAll("-", " ")}
                      {disputed && <div className="badge warn">sources differ</div>}
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
            {source.url ? (
              <a href={source.url} rel="noreferrer" target="_blank">
                {source.title}
              </a>
            ) : (
              source.title
            )}
            <span className="muted"> {[source.publisher, source.publishedOn && source.datePrecision && formatDate(source.publishedOn, source.datePrecision)].filter(Boolean).join(", ")}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

import { graphql } from "../__generated__";
import type { SourcePageQuery as SourcePageResult } from "../__generated__/graphql";
import { useQuery } from "../api";
import { ClaimValue } from "../components/Claim";
import { Statements } from "../components/Statements";
import { Status } from "../components/Status";
import { formatDate, forReaders } from "../format";
import { href } from "../router";

const SourcePageQuery = graphql(`
  query SourcePage($id: ID!) {
    source(id: $id) {
      ...SourceFields
      note
      publishedBy {
        id
        name
        country {
          name
        }
      }
      claims {
        ...ClaimFields
        meeting {
          id
          title
        }
      }
      statements {
        ...StatementFields
      }
    }
  }
`);

type SourceClaim = NonNullable<SourcePageResult["source"]>["claims"][number];

const kindNames: Record<string, string> = {
  "curator-summary": "the curator's summary, not a source's own text",
  "news-agency-report": "news agency report",
  "social-post": "social media post",
};

/** The source's claims grouped by meeting, in the order the API gives them (by meeting date). */
function byMeeting(claims: SourceClaim[]): { meeting: SourceClaim["meeting"]; claims: SourceClaim[] }[] {
  const groups = new Map<string, { meeting: SourceClaim["meeting"]; claims: SourceClaim[] }>();
  for (const claim of claims) {
    const group = groups.get(claim.meeting.id) ?? { meeting: claim.meeting, claims: [] };
    group.claims.push(claim);
    groups.set(claim.meeting.id, group);
  }
  return [...groups.values()];
}

/** One source: who published it, and everything the graph credits to it, each fact with how it is known. */
export function SourcePage({ id }: { id: string }) {
  const result = useQuery(SourcePageQuery, { id });
  return (
    <Status state={result}>
      {({ source }) => {
        if (!source) return <p className="error">No source with the id “{id}”.</p>;
        const publisher = source.publishedBy ? [source.publishedBy.name, source.publishedBy.country?.name].filter(Boolean).join(", ") : source.publisher;
        return (
          <article>
            <h1>{forReaders(source.title)}</h1>
            <dl className="facts">
              <dt>Published by</dt>
              <dd className="source-publisher">
                {publisher ?? <span className="muted">not known</span>}
                {source.publishedBy && source.publisher && source.publisher !== source.publishedBy.name && (
                  <span className="muted"> (printed as “{source.publisher}”)</span>
                )}
              </dd>
              <dt>When</dt>
              <dd>
                {source.publishedOn && source.datePrecision ? formatDate(source.publishedOn, source.datePrecision) : <span className="muted">undated</span>}
              </dd>
              {source.kind && (
                <>
                  <dt>Kind</dt>
                  <dd className="source-kind">{kindNames[source.kind] ?? source.kind}</dd>
                </>
              )}
              {source.url && (
                <>
                  <dt>Read it</dt>
                  <dd>
                    <a href={source.url} rel="noreferrer" target="_blank">
                      {source.url}
                    </a>
                  </dd>
                </>
              )}
              {source.note && (
                <>
                  <dt>Note</dt>
                  <dd>{forReaders(source.note)}</dd>
                </>
              )}
            </dl>

            <h2>What it claims ({source.claims.length})</h2>
            {source.claims.length === 0 && <p className="muted">No claims on record.</p>}
            {byMeeting(source.claims).map(({ meeting, claims }) => (
              <section key={meeting.id} className="source-claims" data-meeting-id={meeting.id}>
                <h3>
                  <a href={href.meeting(meeting.id)}>{meeting.title}</a>
                </h3>
                <div className="scroll">
                  <table className="claims">
                    <tbody>
                      {claims.map((claim) => (
                        <tr key={claim.id} data-field={claim.field}>
                          <th scope="row">{claim.field.replaceAll("-", " ")}</th>
                          <td>
                            <ClaimValue claim={claim} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))}

            <h2>What it reports being said ({source.statements.length})</h2>
            <Statements statements={source.statements} showMeeting sourceId={source.id} />
          </article>
        );
      }}
    </Status>
  );
}

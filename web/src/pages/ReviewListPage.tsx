import { useQuery } from "../api";
import { Status } from "../components/Status";
import { formatDate } from "../format";
import { href } from "../router";
import { IngestedSourcesQuery } from "../review/documents";
import { IngestForm } from "../review/IngestForm";
import { SignIn } from "../review/SignIn";

/** The ingested articles, those with the most pending proposals first, each with its proposals counted by status. */
export function ReviewListPage() {
  const result = useQuery(IngestedSourcesQuery, { after: null });
  return (
    <section className="review-list">
      <h1>Articles under review</h1>
      <SignIn />
      <Status state={result}>
        {({ ingestedSources }) =>
          ingestedSources.totalCount === 0 ? (
            <p className="muted">No article has been ingested yet.</p>
          ) : (
            <div className="scroll">
              <table className="ingested">
                <thead>
                  <tr>
                    <th>Article</th>
                    <th>Pending</th>
                    <th>Accepted</th>
                    <th>Rejected</th>
                    <th>Already known</th>
                  </tr>
                </thead>
                <tbody>
                  {ingestedSources.edges.map(({ node }) => (
                    <tr key={node.source.id} data-source-id={node.source.id}>
                      <td>
                        <a href={href.review(node.source.id)}>{node.source.title ?? node.source.id}</a>
                        <div className="muted">
                          {[
                            node.source.publisher,
                            node.source.publishedOn && node.source.datePrecision ? formatDate(node.source.publishedOn, node.source.datePrecision) : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </div>
                      </td>
                      <td className="count pending">{node.pending}</td>
                      <td className="count">{node.accepted}</td>
                      <td className="count">{node.rejected}</td>
                      <td className="count">{node.alreadyKnown}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {ingestedSources.pageInfo.hasNextPage && (
                <p className="muted">
                  The {ingestedSources.edges.length} with the most pending proposals of {ingestedSources.totalCount}.
                </p>
              )}
            </div>
          )
        }
      </Status>
      <h2>Ingest an article</h2>
      <IngestForm />
    </section>
  );
}

import { graphql } from "../__generated__";
import type { SourceFieldsFragment } from "../__generated__/graphql";

export const SourceFields = graphql(`
  fragment SourceFields on Source {
    id
    title
    publisher
    publishedOn
    datePrecision
    url
    kind
  }
`);

/** The short name a reader knows a source by: its publisher, else its title. */
export function sourceLabel(source: Pick<SourceFieldsFragment, "publisher" | "title">): string {
  return source.publisher ?? source.title;
}

export function SourceName({ source }: { source: SourceFieldsFragment }) {
  return (
    <cite className="source" title={source.title}>
      {sourceLabel(source)}
    </cite>
  );
}

import { graphql } from "../__generated__";
import type { SourceFieldsFragment } from "../__generated__/graphql";
import { forReaders } from "../format";
import { href } from "../router";

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
  return source.publisher ?? forReaders(source.title);
}

/** The source's short name, linked to its page (everything it claims and reports). */
export function SourceName({ source }: { source: Pick<SourceFieldsFragment, "id" | "publisher" | "title"> }) {
  return (
    <a className="source" href={href.source(source.id)}>
      <cite title={forReaders(source.title)}>{sourceLabel(source)}</cite>
    </a>
  );
}

/** Whose account a source relays, and where: "Steve Witkoff, on CBS". */
export function claimantLabel(claimant: { name: string }, source: Pick<SourceFieldsFragment, "publisher" | "title">): string {
  return `${claimant.name}, on ${sourceLabel(source)}`;
}

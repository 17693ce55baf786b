/**
 * How a fact is known, beside the fact: nothing when the source states it; "inferred" or
 * "summary" when a curator concluded it or took it from FACTS.md, with the reason.
 */
import { graphql } from "../__generated__";
import type { SourceReferenceFieldsFragment } from "../__generated__/graphql";
import type { EvidenceBasis, Hedge } from "../format";
import { evidenceExplanation, evidenceLabel, forReaders, hedgeWord } from "../format";
import { Marker } from "./Marker";
import { SourceName } from "./Source";

export const SourceReferenceFields = graphql(`
  fragment SourceReferenceFields on SourceReference {
    excerpt
    basis
    note
    source {
      id
      publisher
      title
    }
  }
`);

export function EvidenceMarker({ basis, note }: { basis: EvidenceBasis; note?: string | null }) {
  const label = evidenceLabel(basis);
  const explanation = evidenceExplanation(basis, note);
  if (!label || !explanation) return null;
  return <Marker label={label} explanation={explanation} className="evidence" data={{ "data-basis": basis }} />;
}

/** "reportedly", "allegedly", …: the source's own distance from what it reports, in words. */
export function HedgeWord({ hedge }: { hedge: Hedge }) {
  const word = hedgeWord(hedge);
  return word ? (
    <>
      <span className="hedge">{word}</span>{" "}
    </>
  ) : null;
}

/** The sources behind a fact, each with its excerpt on hover and its marker when it does not state the fact. */
export function SourceReferences({ references }: { references: SourceReferenceFieldsFragment[] }) {
  if (references.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="source-refs">
      {references.map((reference) => (
        <li key={reference.source.id} data-source-id={reference.source.id} title={reference.excerpt ? forReaders(reference.excerpt) : undefined}>
          <SourceName source={reference.source} />
          <EvidenceMarker basis={reference.basis} note={reference.note} />
        </li>
      ))}
    </ul>
  );
}

/** How a person is tied to others (son-in-law of, adviser to, special envoy of), each with the sources that say so. */
import { graphql } from "../__generated__";
import type { RelationFieldsFragment } from "../__generated__/graphql";
import { href } from "../router";
import { SourceReferences } from "./Evidence";

export const RelationFields = graphql(`
  fragment RelationFields on PersonRelation {
    kind
    direction
    person {
      id
      name
    }
    sources {
      ...SourceReferenceFields
    }
  }
`);

/** "special-envoy-of" → "special envoy of". */
function kindWords(kind: string): string {
  return kind.replaceAll("-", " ");
}

/** Read from this person's page: "son-in-law of Donald Trump", or the other way round, "Jared Kushner is son-in-law of him". */
function RelationText({ relation, personName }: { relation: RelationFieldsFragment; personName: string }) {
  const other = <a href={href.person(relation.person.id)}>{relation.person.name}</a>;
  return relation.direction === "OUTGOING" ? (
    <>
      {kindWords(relation.kind)} {other}
    </>
  ) : (
    <>
      {other} is {kindWords(relation.kind)} {personName}
    </>
  );
}

export function Relations({ relations, personName }: { relations: RelationFieldsFragment[]; personName: string }) {
  if (relations.length === 0) return <p className="muted">No relations to other people on record.</p>;
  return (
    <div className="scroll">
      <table className="relations">
        <thead>
          <tr>
            <th>Relation</th>
            <th>Said by</th>
          </tr>
        </thead>
        <tbody>
          {relations.map((relation) => (
            <tr
              key={`${relation.direction}-${relation.kind}-${relation.person.id}`}
              data-kind={relation.kind}
              data-direction={relation.direction}
              data-person-id={relation.person.id}
            >
              <td>
                <RelationText relation={relation} personName={personName} />
              </td>
              <td>
                <SourceReferences references={relation.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

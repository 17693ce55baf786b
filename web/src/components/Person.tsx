import { graphql } from "../__generated__";
import type { PersonSummaryFieldsFragment } from "../__generated__/graphql";
import { href } from "../router";

export const PersonSummaryFields = graphql(`
  fragment PersonSummaryFields on Person {
    id
    name
    aliases
    roles {
      title
    }
    countries {
      id
      name
    }
  }
`);

/** Who someone is, in a line: "U.S. special envoy (President Trump's special envoy) · United States". */
export function personDescription(person: PersonSummaryFieldsFragment): string {
  const countries = person.countries.map((country) => country.name).join(", ");
  return [...person.roles.map((role) => role.title), countries].filter(Boolean).join(" · ");
}

/** People as a list: each name linked to their page, with who they are and how else the sources call them. */
export function PersonList({ people }: { people: PersonSummaryFieldsFragment[] }) {
  return (
    <ul className="people">
      {people.map((person) => (
        <li key={person.id} data-person-id={person.id}>
          <a href={href.person(person.id)}>{person.name}</a>
          <span className="muted"> {personDescription(person)}</span>
          {person.aliases.length > 0 && <div className="aliases">also: {person.aliases.join(", ")}</div>}
        </li>
      ))}
    </ul>
  );
}

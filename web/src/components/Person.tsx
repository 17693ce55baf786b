import { graphql } from "../__generated__";
import type { PersonSummaryFieldsFragment } from "../__generated__/graphql";

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

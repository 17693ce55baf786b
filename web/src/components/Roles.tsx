/** A person's roles, each with the sources that name them in it and how each knows it. */
import { graphql } from "../__generated__";
import type { RoleFieldsFragment } from "../__generated__/graphql";
import { SourceReferences } from "./Evidence";

export const RoleFields = graphql(`
  fragment RoleFields on Role {
    id
    title
    from
    to
    organization {
      name
    }
    country {
      name
    }
    sources {
      ...SourceReferenceFields
    }
  }
`);

/** "since 2025-01", "2020 – 2024", or nothing when the sources give no dates. */
function period(role: RoleFieldsFragment): string | null {
  if (role.from && role.to) return `${role.from} – ${role.to}`;
  if (role.from) return `since ${role.from}`;
  if (role.to) return `until ${role.to}`;
  return null;
}

export function Roles({ roles }: { roles: RoleFieldsFragment[] }) {
  if (roles.length === 0) return <p className="muted">No roles on record.</p>;
  return (
    <div className="scroll">
      <table className="roles">
        <thead>
          <tr>
            <th>Role</th>
            <th>Where</th>
            <th>Named so by</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((role) => (
            <tr key={role.id} data-role-id={role.id}>
              <td>
                {role.title}
                {period(role) && <span className="muted"> ({period(role)})</span>}
              </td>
              <td>{[role.organization?.name, role.country?.name].filter(Boolean).join(", ") || "—"}</td>
              <td>
                <SourceReferences references={role.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

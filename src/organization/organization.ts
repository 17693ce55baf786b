/** Organizations: executive offices, alliances, funds. */
import type { Neo4jExecutor } from "../db/executor.js";
import { byIdCypher } from "../db/connections.js";
import { nodesById } from "../db/loaders.js";

export interface OrganizationRecord {
  id: string;
  name: string;
  kind: string | null;
  aliases: string[];
  countryId: string | null;
}

/** Projects organization `o` into an OrganizationRecord. */
export const ORGANIZATION_FIELDS = `o {.id, .name, .kind, aliases: coalesce(o.aliases, []), countryId: [(o)-[:BASED_IN]->(c:Country) | c.id][0]}`;

const ORGANIZATIONS_BY_ID = byIdCypher("o", "Organization", ORGANIZATION_FIELDS);

export function createOrganizationLoaders(db: Neo4jExecutor) {
  return { organizationById: nodesById<OrganizationRecord>(db, "organizations.byId", ORGANIZATIONS_BY_ID) };
}

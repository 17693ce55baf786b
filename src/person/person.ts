import DataLoader from "dataloader";
import type { Neo4jExecutor } from "../db/executor.js";

/** A Person node as stored. */
export interface PersonRecord {
  id: string;
  name: string;
  aliases: string[];
}

const PEOPLE_BY_ID = `
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p {.id, .name, aliases: coalesce(p.aliases, [])} AS person
`;

export function createPersonLoaders(db: Neo4jExecutor) {
  return {
    personById: new DataLoader<string, PersonRecord | null>(async (ids) => {
      const rows = await db.read<{ person: PersonRecord }>("people.byId", PEOPLE_BY_ID, { ids });
      const byId = new Map(rows.map((r) => [r.person.id, r.person]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

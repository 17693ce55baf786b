/**
 * What a committed write makes old: the tags to touch before its answer goes out
 * (docs/decisions/0011-response-cache.md). The ids it wrote and everything one relationship away
 * from them now (a new meeting's participants, place, topics and sources, whose lists it joins),
 * and the list tags of what it may have changed beyond them.
 */
import type { Neo4jExecutor } from "../db/executor.js";
import type { CommittedWrite } from "../events/changes.js";
import { EVERYTHING } from "./versions.js";
import { idTag, LOCAL_LISTS, WIDE_LISTS } from "./dependencies.js";

/** The labels whose ids a write reports (each unique per label, so each look-up is one index seek). */
const WRITTEN_LABELS = ["Person", "Meeting", "Claim", "Statement", "Wording", "Source", "Role", "Place", "Country", "Organization", "Topic", "Proposal"];

const NEIGHBOURS = `
UNWIND $ids AS id
CALL (id) {
${WRITTEN_LABELS.map((label) => `  MATCH (n:${label} {id: id}) RETURN n`).join("\n  UNION\n")}
}
MATCH (n)--(neighbour) WHERE neighbour.id IS NOT NULL
RETURN collect(DISTINCT neighbour.id) AS ids`;

/**
 * Writes that only add to or change what their ids and neighbours are: no person's, meeting's or
 * statement's list loses a member that the write does not name. Every other known mutation can
 * remove a member (a participant left out of an updated meeting, a statement moved to another
 * meeting), so it touches those lists too; a mutation not listed here touches everything.
 */
const CHANGES_NO_LOCAL_LIST = new Set(["attachClaims", "retractClaim", "rankClaim", "addWording", "createSource", "ingestArticle", "rejectProposals"]);
const CHANGES_LOCAL_LISTS = new Set(["createPerson", "updatePerson", "mergePeople", "createMeeting", "updateMeeting", "addStatement", "acceptProposals"]);

export async function touchedTags(write: CommittedWrite, db: Neo4jExecutor): Promise<string[]> {
  const known = CHANGES_NO_LOCAL_LIST.has(write.mutation) || CHANGES_LOCAL_LISTS.has(write.mutation);
  if (!known) return [EVERYTHING];
  const written = [...new Set([write.id, ...write.entityIds].filter(Boolean))];
  const [row] = await db.read<{ ids: string[] }>("cache.neighbours", NEIGHBOURS, { ids: written });
  const ids = new Set([...written, ...(row?.ids ?? [])]);
  return [...[...ids].map(idTag), WIDE_LISTS, ...(CHANGES_LOCAL_LISTS.has(write.mutation) ? [LOCAL_LISTS] : [])];
}

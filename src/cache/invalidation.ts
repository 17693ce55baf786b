/**
 * What a committed write makes old: the tags to touch before its answer goes out
 * (docs/decisions/0011-response-cache.md). The ids it wrote and relinked: the objects themselves
 * and their links. A non-hub object's lists depend on its links (src/cache/dependencies.ts), so a
 * write also touches the links of every object whose lists it may have changed: everything one
 * relationship away from what it wrote (a new meeting's participants, whose meetings and
 * counterparts it joins), and the meetings whose conflicts may weigh a written meeting; and the
 * wide tag of the entry points and hubs.
 */
import type { Neo4jExecutor } from "../db/executor.js";
import type { CommittedWrite } from "../events/changes.js";
import { EVERYTHING } from "./versions.js";
import { idTag, linksTag, WIDE_LISTS } from "./dependencies.js";

/** The labels whose ids a write reports (each unique per label, so each look-up is one index seek). */
const WRITTEN_LABELS = ["Person", "Meeting", "Claim", "Statement", "Wording", "Source", "Role", "Place", "Country", "Organization", "Topic", "Proposal"];

/**
 * The neighbours of the written and relinked nodes, and the meetings that share two participants
 * with a written meeting: they weigh it as an earlier meeting in their conflicts
 * (src/meeting/conflicts.ts), whatever its date, which the write may have moved.
 */
const NEIGHBOURS = `
UNWIND $ids AS id
CALL (id) {
${WRITTEN_LABELS.map((label) => `  MATCH (n:${label} {id: id}) RETURN n`).join("\n  UNION\n")}
}
CALL (n) {
  MATCH (n)--(neighbour) WHERE neighbour.id IS NOT NULL RETURN neighbour
  UNION
  MATCH (n:Meeting)<-[:ATTENDED]-(:Person)-[:ATTENDED]->(neighbour:Meeting)
  WITH neighbour, count(*) AS together WHERE together >= 2
  RETURN neighbour
}
RETURN collect(DISTINCT neighbour.id) AS ids`;

/**
 * The mutations whose writes report every node whose relationships they changed, in their ids
 * or their relinked ids (src/curation/); a mutation not listed here touches everything.
 */
const KNOWN = new Set([
  "attachClaims",
  "retractClaim",
  "rankClaim",
  "addWording",
  "createSource",
  "ingestArticle",
  "rejectProposals",
  "createPerson",
  "updatePerson",
  "mergePeople",
  "createMeeting",
  "updateMeeting",
  "addStatement",
  "acceptProposals",
]);

export async function touchedTags(write: CommittedWrite, db: Neo4jExecutor): Promise<string[]> {
  if (!KNOWN.has(write.mutation)) return [EVERYTHING];
  const written = [...new Set([write.id, ...write.entityIds, ...(write.relinkedIds ?? [])].filter(Boolean))];
  const [row] = await db.read<{ ids: string[] }>("cache.neighbours", NEIGHBOURS, { ids: written });
  const linked = new Set([...written, ...(row?.ids ?? [])]);
  return [...written.map(idTag), ...[...linked].map(linksTag), WIDE_LISTS];
}

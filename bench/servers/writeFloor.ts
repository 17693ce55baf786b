/**
 * Contender (b) for the write scenarios (bench/writes.ts): each mutation as one explicit write
 * transaction of hand-written Cypher behind a plain node:http handler (POST /<mutation> with
 * `{"variables": …}`, the service's variables), answering the service's payload shape. It takes the
 * service's locks (src/curation/transaction.ts: a CurationLock node per key, in the same order),
 * writes what the service writes and the same audit entry, in as few statements as that allows:
 * the locks first, so that nothing is read before they are held, then the write with its audit
 * entry. It handles the benchmark's inputs (new meetings and claims, people never merged before;
 * ingest and acceptance in articleFloor.ts); a reference to nothing rolls the transaction back and
 * answers an UNKNOWN_REFERENCE error.
 */
import http from "node:http";
import neo4j from "neo4j-driver";
import { Neo4jExecutor } from "../../src/db/executor.js";
import { acceptProposals, ingestArticle } from "./articleFloor.js";
import { runServerProcess } from "./child.js";
import { ACTOR, AUDIT, inWriteTransaction, TAKE_LOCKS, UnknownReference, type Handler } from "./writeFloorCommon.js";

/** A sourced attendance as the service stores it: the sources as parallel lists on the edge. */
const ATTENDANCE_PROPERTIES = `{sourceIds: [r IN a.sources | r.sourceId], excerpts: [r IN a.sources | r.excerpt], bases: [r IN a.sources | coalesce(r.basis, 'STATED')], notes: [r IN a.sources | coalesce(r.note, '')]}`;

/** New claims on meeting m, numbered after `last`, each from its source; answers their ids as `claimIds`. */
const CREATE_CLAIMS = `
CALL (m, last) {
  UNWIND range(0, size($input.claims) - 1) AS i
  WITH m, last, i, $input.claims[i] AS c
  MATCH (s:Source {id: c.sourceId})
  CREATE (m)-[:HAS_CLAIM]->(claim:Claim {id: m.id + '#claim-' + (last + i + 1), field: c.field, value: c.value, excerpt: c.excerpt,
    basis: 'STATED', hedge: 'NONE', rank: 'NORMAL', preferred: false})-[:FROM]->(s)
  RETURN collect(claim.id) AS claimIds
}`;

const CREATE_MEETING = `
MERGE (m:Meeting {id: $input.id})
SET m.kind = $input.kind, m.title = $input.title, m.date = $input.date, m.datePrecision = 'DAY', m.searchText = $input.title,
    m.durationApproximate = false, m.dateStart = date($input.date), m.dateEnd = date($input.date)
WITH m, 0 AS last
${CREATE_CLAIMS}
CALL (m) {
  UNWIND $input.participants AS a
  MATCH (p:Person {id: a.personId})
  CREATE (p)-[:ATTENDED ${ATTENDANCE_PROPERTIES}]->(m)
  RETURN count(*) AS attendances
}
WITH m, claimIds, attendances WHERE size(claimIds) = size($input.claims) AND attendances = size($input.participants)
WITH m, [m.id] + claimIds AS entityIds
${AUDIT}
RETURN m.id AS id`;

const ATTACH_CLAIMS = `
MATCH (m:Meeting {id: $input.meetingId})
WITH m, reduce(last = 0, id IN [(m)-[:HAS_CLAIM]->(c:Claim) | c.id] | CASE WHEN toInteger(split(id, '-')[-1]) > last THEN toInteger(split(id, '-')[-1]) ELSE last END) AS last
${CREATE_CLAIMS}
WITH m, claimIds WHERE size(claimIds) = size($input.claims)
WITH m, [m.id] + claimIds AS entityIds
${AUDIT}
RETURN m.id AS id`;

/** Keeps both sides' provenance on the surviving edge `kept`, as the service does. */
const KEEP_PROVENANCE = `
  WITH old, kept, [i IN range(0, size(coalesce(old.sourceIds, [])) - 1) WHERE NOT old.sourceIds[i] IN coalesce(kept.sourceIds, [])] AS extra
  SET kept.sourceIds = coalesce(kept.sourceIds, []) + [i IN extra | old.sourceIds[i]],
      kept.excerpts = coalesce(kept.excerpts, []) + [i IN extra | old.excerpts[i]],
      kept.bases = coalesce(kept.bases, []) + [i IN extra | coalesce(old.bases[i], "STATED")],
      kept.notes = coalesce(kept.notes, []) + [i IN extra | coalesce(old.notes[i], "")]`;

// The people's locks are held (the first statement); the meetings, statements and people the
// loser is tied to are locked next, in the service's lock order, before anything of theirs moves.
const MERGE_PEOPLE = `
MATCH (loser:Person {id: $input.mergedId}), (survivor:Person {id: $input.survivorId})
CALL (loser) {
  UNWIND [(loser)-[:RELATED]-(o:Person) | 'Person:' + o.id] + [(loser)-[:ATTENDED]->(m:Meeting) | 'Meeting:' + m.id] + [(loser)-[:SAID]->(st:Statement) | 'Statement:' + st.id] AS key
  WITH DISTINCT key ORDER BY CASE split(key, ':')[0] WHEN 'Person' THEN 0 WHEN 'Meeting' THEN 1 ELSE 2 END, key
  MERGE (lock:CurationLock {key: key})
  SET lock.lockedAt = datetime()
}
WITH loser, survivor,
     reduce(kept = [], alias IN coalesce(survivor.aliases, []) + [loser.name] + coalesce(loser.aliases, []) |
       CASE WHEN alias IN kept OR alias = survivor.name THEN kept ELSE kept + alias END) AS aliases
CALL (loser, survivor) { MATCH (loser)-[old:HOLDS]->(x) MERGE (survivor)-[:HOLDS]->(x) DELETE old }
CALL (loser, survivor) { MATCH (loser)-[old:OF_COUNTRY]->(x) MERGE (survivor)-[:OF_COUNTRY]->(x) DELETE old }
CALL (loser, survivor) { MATCH (loser)-[old:SAID]->(x) MERGE (survivor)-[:SAID]->(x) DELETE old }
CALL (loser, survivor) {
  MATCH (loser)-[old:ATTENDED]->(m)
  MERGE (survivor)-[kept:ATTENDED]->(m)
  SET kept.role = coalesce(kept.role, old.role), kept.delegationCountryId = coalesce(kept.delegationCountryId, old.delegationCountryId)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) {
  MATCH (loser)-[old:RELATED]->(other) WHERE other <> survivor
  MERGE (survivor)-[kept:RELATED {kind: old.kind}]->(other)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) {
  MATCH (other)-[old:RELATED]->(loser) WHERE other <> survivor
  MERGE (other)-[kept:RELATED {kind: old.kind}]->(survivor)
  ${KEEP_PROVENANCE}
  DELETE old
}
CALL (loser, survivor) { MATCH (loser)-[old:RELATED]-(survivor) DELETE old }
CALL (loser, survivor) { MATCH (r:PersonRedirect)-[old:MERGED_INTO]->(loser) MERGE (r)-[:MERGED_INTO]->(survivor) DELETE old }
CREATE (:PersonRedirect {id: loser.id, name: loser.name, mergedAt: datetime(), mergedBy: $actor})-[:MERGED_INTO]->(survivor)
SET survivor.aliases = aliases, survivor.searchText = reduce(text = survivor.name, alias IN aliases | text + ' | ' + alias)
DELETE loser
WITH survivor, [$input.survivorId, $input.mergedId] AS entityIds
${AUDIT}
RETURN survivor.id AS id`;

/**
 * A curation mutation of one input: `locks` taken first (in the service's lock order), then
 * `write`, which answers the id of the written object as `id`, or nothing when a reference is missing.
 */
const lockedWrite =
  (name: string, object: string, locks: (input: Record<string, any>) => string[], write: string): Handler =>
  (session, { input }) =>
    inWriteTransaction(session, async (tx) => {
      await tx.run(TAKE_LOCKS, { keys: locks(input) });
      const result = await tx.run(write, { input, inputJson: JSON.stringify(input), mutation: name, ...ACTOR });
      const id = result.records[0]?.get("id") as string | undefined;
      if (id === undefined) throw new UnknownReference(`${name}: the input refers to something that does not exist`);
      return { [object]: { id } };
    });

const MUTATIONS: Record<string, Handler> = {
  // Lock order: people before meetings.
  createMeeting: lockedWrite(
    "createMeeting",
    "meeting",
    (input) => [...(input.participants as { personId: string }[]).map((p) => `Person:${p.personId}`).sort(), `Meeting:${input.id}`],
    CREATE_MEETING,
  ),
  attachClaims: lockedWrite("attachClaims", "meeting", (input) => [`Meeting:${input.meetingId}`], ATTACH_CLAIMS),
  mergePeople: lockedWrite("mergePeople", "person", (input) => [`Person:${input.survivorId}`, `Person:${input.mergedId}`].sort(), MERGE_PEOPLE),
  ingestArticle,
  acceptProposals,
};

runServerProcess(async (driver, target) => {
  const db = new Neo4jExecutor(driver, { database: target.database, queryTimeoutMs: 60_000 });
  const httpServer = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const name = (req.url ?? "").slice(1);
      const handler = MUTATIONS[name];
      if (req.method !== "POST" || !handler) {
        res.writeHead(404).end();
        return;
      }
      const session = driver.session({ database: target.database, defaultAccessMode: neo4j.session.WRITE });
      const answer = (payload: Record<string, unknown>) =>
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: { [name]: payload } }));
      try {
        const { variables } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { variables: Record<string, unknown> };
        answer({ ...(await handler(session, variables, db)), errors: [] });
      } catch (error) {
        if (error instanceof UnknownReference) answer({ errors: [{ field: ["input"], code: "UNKNOWN_REFERENCE", message: error.message }] });
        else res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ message: (error as Error).message }] }));
      } finally {
        await session.close();
      }
    });
  });
  return { httpServer };
});

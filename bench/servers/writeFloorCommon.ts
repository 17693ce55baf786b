/** What the write floor's mutations share (servers/writeFloor.ts): the curator, the locks, the audit entry, the transaction. */
import type { ManagedTransaction, Session } from "neo4j-driver";
import type { Neo4jExecutor } from "../../src/db/executor.js";

/** Who the writes are recorded as: the service's curator in the benchmark (an API key named "bench"). */
export const ACTOR = { actor: "bench", via: "api-key" };

/** The service's locks (src/curation/transaction.ts): a CurationLock node per key, `$keys` in the service's lock order. */
export const TAKE_LOCKS = `
UNWIND $keys AS key
MERGE (lock:CurationLock {key: key})
SET lock.lockedAt = datetime()`;

/** The audit entry, as the last clause of a write that has `entityIds` in scope. */
export const AUDIT = `
CREATE (:AuditEntry {id: randomUUID(), at: datetime(), actor: $actor, via: $via, mutation: $mutation, entityIds: entityIds, input: $inputJson})`;

/** A mutation of the floor: its variables in, its payload (without `errors`) out; `db` for the extraction's reads. */
export type Handler = (session: Session, variables: Record<string, any>, db: Neo4jExecutor) => Promise<Record<string, unknown>>;

/** Thrown inside the transaction to roll it back when the write found something missing. */
export class UnknownReference extends Error {}

export const inWriteTransaction = <T>(session: Session, work: (tx: ManagedTransaction) => Promise<T>) => session.executeWrite(work, { timeout: 60_000 });

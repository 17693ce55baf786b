/** The audit trail: an (:AuditEntry) per write, in the write's own transaction, and the auditLog connection. */
import type { Principal } from "../auth/credentials.js";
import type { Neo4jExecutor, RunStatement } from "../db/executor.js";
import { connectionLoader } from "../db/connections.js";
import type { Connection, Edge } from "../db/pagination.js";

export interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  via: string;
  mutation: string;
  entityIds: string[];
  input: string;
}
export type AuditConnectionRecord = Connection<AuditRecord>;
export type AuditEdgeRecord = Edge<AuditRecord>;

/** What auditLog filters on. */
export interface AuditFilter {
  actor?: string;
  entityId?: string;
}

// datetime() is the transaction's clock: every entry of one transaction has the same `at`.
const WRITE_AUDIT_ENTRY = `
CREATE (a:AuditEntry {id: randomUUID(), at: datetime(), actor: $actor, via: $via, mutation: $mutation, entityIds: $entityIds, input: $input})`;

/** Records who changed what, inside the caller's transaction. */
export async function writeAuditEntry(run: RunStatement, principal: Principal, mutation: string, entityIds: string[], input: unknown): Promise<void> {
  await run(WRITE_AUDIT_ENTRY, { actor: principal.actor, via: principal.via, mutation, entityIds: [...new Set(entityIds)], input: JSON.stringify(input) });
}

const AUDIT_MATCH = `
MATCH (a:AuditEntry)
WHERE (f.actor IS NULL OR a.actor = f.actor)
  AND (f.entityId IS NULL OR f.entityId IN a.entityIds)`;

const AUDIT_FIELDS = `a {.id, .actor, .via, .mutation, .entityIds, .input, at: toString(a.at)}`;

// Newest first: by the instant's figures, as a cursor holds numbers and dates but no date-times.
const AUDIT_ORDER = [{ by: "a.at.epochSeconds", descending: true }, { by: "a.at.nanosecond", descending: true }, { by: "a.id" }];

export function createAuditLoaders(db: Neo4jExecutor) {
  return {
    auditConnection: connectionLoader<AuditFilter, AuditRecord>(db, "audit", { node: "a", match: AUDIT_MATCH, order: AUDIT_ORDER, fields: AUDIT_FIELDS }),
  };
}

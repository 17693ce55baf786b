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
const CREATE_AUDIT_ENTRY = `
CREATE (:AuditEntry {id: randomUUID(), at: datetime(), actor: $audit.actor, via: $audit.via, mutation: $audit.mutation, entityIds: $audit.entityIds, input: $audit.input})`;

/**
 * The audit entry as the first clause of a write statement, so the entry costs no round trip of
 * its own; a unit subquery, so the statement after it starts from one row. Its parameter is `audit`.
 */
export const AUDIT_ENTRY_FIRST = `CALL () {${CREATE_AUDIT_ENTRY}
}`;

/** The `audit` parameter of an entry: who changed what. */
export const auditEntry = (principal: Principal, mutation: string, entityIds: string[], input: unknown) => ({
  actor: principal.actor,
  via: principal.via,
  mutation,
  entityIds: [...new Set(entityIds)],
  input: JSON.stringify(input),
});

/** Records who changed what, inside the caller's transaction. */
export async function writeAuditEntry(run: RunStatement, audit: ReturnType<typeof auditEntry>): Promise<void> {
  await run(CREATE_AUDIT_ENTRY, { audit });
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

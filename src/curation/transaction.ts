/**
 * How every mutation runs: write permission first, then one managed write transaction that takes
 * the mutation's locks, checks what the input refers to, writes, and records the audit entry.
 * A UserErrors thrown anywhere rolls the whole transaction back and becomes the payload's `errors`.
 */
import { requirePermission, type Principal } from "../auth/credentials.js";
import type { Context } from "../context.js";
import type { RunStatement } from "../db/executor.js";
import type { AroundWrite } from "../events/changes.js";
import { AUDIT_ENTRY_FIRST, auditEntry, writeAuditEntry } from "./audit.js";
import { evidenceProblems } from "./evidence.js";
import { Problems, UserErrors, type UserError } from "./userErrors.js";

/** What a mutation's work gets inside its transaction. */
export interface CurationTx {
  run: RunStatement;
  /**
   * Takes more locks, once the work knows what else it touches; keys already held are skipped.
   * Taking locks in a second step can meet another mutation's locks in the other order: Neo4j
   * breaks such a deadlock and the driver runs the loser's transaction again from the start.
   */
  lock: LockTaker;
  /**
   * Runs the work's last write with the mutation's audit entry in the same statement, a round trip
   * fewer than writing the entry after the work; `entityIds` must be those the work returns. At most once.
   */
  runAudited: RunAudited;
  actor: Principal;
  /**
   * The mutation whose work this is, whose last statement may end with the reads that would
   * otherwise follow the commit (see Written's `around` and `answered`); null for a step of another
   * mutation's work, whose own last statement comes later.
   */
  mutation: string | null;
  /** References an earlier read of the transaction checked already (checkReferences reads only the others). */
  known?: KnownReferences;
}

type RunAudited = <T extends Record<string, unknown> = Record<string, unknown>>(
  cypher: string,
  params: Record<string, unknown>,
  entityIds: string[],
) => Promise<T[]>;

/**
 * The transaction as one step of another mutation's work gets it (acceptProposals runs other
 * mutations' plans): the other mutation writes the one audit entry, so the step's last write runs without it.
 */
export const asStep = (tx: CurationTx): CurationTx => ({ ...tx, runAudited: (cypher, params) => tx.run(cypher, params), mutation: null });

/** What a mutation's work returns: the id of the object the payload shows, and every id it changed (for the audit trail). */
export interface Written {
  id: string;
  entityIds: string[];
  /** The claims among entityIds this write created, for subscribers of new claims (src/events/). */
  addedClaimIds?: string[];
  /** Nodes besides entityIds whose relationships the write changed (CommittedWrite's, src/events/changes.ts). */
  relinkedIds?: string[];
  /** What the events need, read by the last statement (aroundInStatement, src/events/changes.ts): none is read after the commit. */
  around?: AroundWrite;
  /** Gives the answer's fresh loaders what the last statement read of the object the payload shows: the answer reads nothing after the commit. */
  answered?: (loaders: Context["loaders"]) => void;
}

export interface Outcome {
  id: string | null;
  errors: UserError[];
  /**
   * The write's events going out (src/events/), never rejecting: the answer waits for them, so a
   * client that subscribes after it never receives this write's; the answer's own read runs meanwhile.
   */
  published: Promise<void>;
  /** Written's `answered`, for the answer's loaders once they are fresh. */
  answered?: (loaders: Context["loaders"]) => void;
}

/** The outcome of a refused write: nothing to publish. */
export const refused = (errors: UserError[]): Outcome => ({ id: null, errors, published: Promise.resolve() });

/**
 * One lock node per key, held until the transaction ends. MERGE on the unique key serializes
 * mutations of the same objects: the second waits until the first commits, then reads what the
 * first wrote. The lock nodes are never deleted, so a merge that deletes a person cannot pull a
 * lock from under a waiting mutation. docs/graph-model.md ("Concurrent writes") says which
 * mutation takes which locks, and why that keeps the graph's invariants.
 */
const TAKE_LOCKS = `
UNWIND $lockKeys AS key
MERGE (lock:CurationLock {key: key})
SET lock.lockedAt = datetime()`;

/** What can be locked; a mutation's first locks are taken in this order, so they never wait on each other in a cycle. */
const LOCK_ORDER = ["Proposal", "Person", "Role", "Source", "Meeting", "Statement", "Place"] as const;
export type Lockable = (typeof LOCK_ORDER)[number];

/** The lock key of a node: "Person:steve-witkoff". */
export const lockKey = (label: Lockable, id: string) => `${label}:${id}`;

const lockRank = (key: string) => LOCK_ORDER.indexOf(key.slice(0, key.indexOf(":")) as Lockable);
const lockOrder = (a: string, b: string) => lockRank(a) - lockRank(b) || (a < b ? -1 : a > b ? 1 : 0);

/** Takes locks for one transaction: the keys it does not hold yet, in lock order. */
export type LockTaker = ((keys: string[]) => Promise<void>) & {
  /**
   * The same locks, with those still pending, as a subquery to begin the work's next statement with
   * (its parameter `lockKeys`), a round trip fewer: the subquery runs to its end before the statement goes on.
   */
  inStatement: (keys: string[]) => { cypher: string; params: { lockKeys: string[] } };
};

/**
 * The locks of one transaction, and its statements behind them. The `first` keys are pending until
 * the first statement: taken in it when it begins with `inStatement` (see `locking`), else on
 * their own just before it.
 */
export function lockTaker(run: RunStatement, first: string[] = []): { lock: LockTaker; run: RunStatement } {
  const held = new Set<string>();
  let pending = first;
  const fresh = (keys: string[]) => {
    const lockKeys = [...new Set([...pending, ...keys])].filter((key) => !held.has(key)).sort(lockOrder);
    pending = [];
    for (const key of lockKeys) held.add(key);
    return lockKeys;
  };
  const lock = async (keys: string[]) => {
    const lockKeys = fresh(keys);
    if (lockKeys.length > 0) await run(TAKE_LOCKS, { lockKeys });
  };
  const inStatement = (keys: string[]) => ({ cypher: `CALL () {${TAKE_LOCKS}\n}`, params: { lockKeys: fresh(keys) } });
  const runBehindLocks: RunStatement = async (cypher, params) => {
    if (pending.length > 0) await lock([]);
    return run(cypher, params);
  };
  return { lock: Object.assign(lock, { inStatement }), run: runBehindLocks };
}

/**
 * The transaction's statements, each behind the locks not taken yet and `keys` in the same
 * statement: a read under locks costs no round trip of its own. For statements that may begin with
 * a subquery but are no UNION.
 */
export const locking =
  (tx: CurationTx, keys: string[] = []): RunStatement =>
  (cypher, params = {}) => {
    const locks = tx.lock.inStatement(keys);
    if (locks.params.lockKeys.length === 0) return tx.run(cypher, params);
    return tx.run(`${locks.cypher}\n${cypher}`, { ...params, ...locks.params });
  };

/** A mutation: validate the input without the database, name the locks, then the work in the transaction. */
export interface MutationPlan<V> {
  /** Shape and self-consistency checks; throws UserErrors. Nothing has touched the database yet. */
  check: () => V;
  /** The lock keys of the objects the mutation reads and writes. */
  locks: (value: V) => string[];
  /** Reads what it needs (after the locks), throws UserErrors for what the graph refutes, writes. */
  work: (tx: CurationTx, value: V) => Promise<Written>;
  /**
   * What its work checks first with checkReferences: a transaction running it as one of several
   * steps may check them in its own read before (CurationTx's `known`).
   */
  references?: (value: V) => Reference[];
}

/**
 * Runs mutation `name`: write permission first (UNAUTHENTICATED / FORBIDDEN as GraphQL errors),
 * then its checks, then one transaction with its locks, its work and the audit entry.
 */
export async function curate<V>(ctx: Context, name: string, input: unknown, plan: MutationPlan<V>): Promise<Outcome> {
  const actor = requirePermission(ctx.auth, "write", `The mutation ${name}`);
  try {
    const value = checked(input, plan.check);
    const written = await ctx.db.writeTransaction(`curation.${name}`, async (send) => {
      // A retried transaction starts again from here, with no lock taken and no entry written.
      const { lock, run } = lockTaker(send, plan.locks(value));
      let audited: string[] | null = null;
      const runAudited: RunAudited = (cypher, params, entityIds) => {
        if (audited) throw new Error(`${name} wrote its audit entry twice`);
        audited = entityIds;
        return run(`${AUDIT_ENTRY_FIRST}\n${cypher}`, { ...params, audit: auditEntry(actor, name, entityIds, input) });
      };
      const result = await plan.work({ run, lock, runAudited, actor, mutation: name }, value);
      if (!audited) await writeAuditEntry(run, auditEntry(actor, name, result.entityIds, input));
      else if (!sameIds(audited, result.entityIds)) throw new Error(`${name} audited other ids than it wrote`);
      return result;
    });
    // Only now that it has committed: subscribers never hear of a write that was rolled back.
    const { answered, ...write } = written;
    const published = ctx.committed?.({ mutation: name, actor: actor.actor, ...write }) ?? Promise.resolve();
    return { id: written.id, errors: [], published, ...(answered && { answered }) };
  } catch (error) {
    if (error instanceof UserErrors) return refused(error.errors);
    throw error;
  }
}

const sameIds = (a: string[], b: string[]) => new Set(a).size === new Set(b).size && a.every((id) => b.includes(id));

/** The plan's checks and the evidence rules every sourced fact follows, every problem of both reported at once. */
export function checked<V>(input: unknown, check: () => V): V {
  const problems = new Problems();
  evidenceProblems(input, problems);
  let value: V;
  try {
    value = check();
  } catch (error) {
    if (error instanceof UserErrors) throw new UserErrors([...error.errors, ...problems.list]);
    throw error;
  }
  problems.throwIfAny();
  return value;
}

/** The labels an input may refer to; constants, never user input. */
const REFERABLE = ["Person", "Country", "Organization", "Place", "Topic", "Source", "Meeting", "Statement"] as const;
export type Referable = (typeof REFERABLE)[number];

/** A reference in the input: where it is, and what it must point at. */
export interface Reference {
  field: (string | number)[];
  label: Referable;
  id: string | null | undefined;
}

/**
 * A subquery answering `missingReferences`, the references in `$refs` that point at nothing, so a
 * mutation's other reads can share its round trip. One index seek per reference; the CASE picks the
 * label, so the statement stays constant. A person's id retired by a merge names its survivor, for the message.
 */
export const MISSING_REFERENCES = `
CALL () {
  UNWIND $refs AS ref
  WITH ref, CASE ref.label
${REFERABLE.map((label) => `    WHEN '${label}' THEN EXISTS { MATCH (:${label} {id: ref.id}) }`).join("\n")}
  END AS found
  WHERE NOT found
  OPTIONAL MATCH (:PersonRedirect {id: ref.id})-[:MERGED_INTO]->(survivor:Person)
  WHERE ref.label = 'Person'
  RETURN collect({index: ref.index, mergedInto: survivor.id}) AS missingReferences
}`;

export type MissingReference = { index: number; mergedInto: string | null };

/** The references MISSING_REFERENCES checks (`refs`), and how its answer becomes UNKNOWN_REFERENCE problems. */
export function referenceCheck(refs: Reference[]) {
  const given = refs.flatMap((ref) => (ref.id ? [{ ...ref, id: ref.id }] : []));
  return {
    refs: given.map((ref, index) => ({ index, label: ref.label, id: ref.id })),
    report(missing: MissingReference[], problems: Problems): void {
      for (const { index, mergedInto } of [...missing].sort((a, b) => a.index - b.index)) {
        const ref = given[index]!;
        const hint = mergedInto ? ` (it was merged into ${JSON.stringify(mergedInto)}: use that id)` : "";
        problems.add(ref.field, "UNKNOWN_REFERENCE", `unknown ${ref.label.toLowerCase()} ${JSON.stringify(ref.id)}${hint}`);
      }
    },
  };
}

type ReferenceRow = ReturnType<typeof referenceCheck>["refs"][number];

const referenceKey = (ref: Pick<ReferenceRow, "label" | "id">) => `${ref.label}:${ref.id}`;

/**
 * What one read of the transaction found of some references (acceptProposals' read, for its
 * steps): a later check of any of them reads nothing. For references to what no write of the
 * transaction creates before that check; nothing a curation write does deletes a node they name.
 */
export class KnownReferences {
  private readonly missing = new Map<string, string | null>();
  private readonly found = new Set<string>();

  /** `refs` as MISSING_REFERENCES was given them (each `index` its position), and what it answered. */
  constructor(refs: Pick<ReferenceRow, "label" | "id">[], answer: MissingReference[]) {
    const missing = new Map(answer.map((m) => [m.index, m.mergedInto]));
    refs.forEach((ref, i) => (missing.has(i) ? this.missing.set(referenceKey(ref), missing.get(i) ?? null) : this.found.add(referenceKey(ref))));
  }

  /** referenceCheck's `refs` split: those known to point at nothing, as MISSING_REFERENCES answers them, and those not known. */
  split(refs: ReferenceRow[]): { missing: MissingReference[]; unknown: ReferenceRow[] } {
    const missing: MissingReference[] = [];
    const unknown: ReferenceRow[] = [];
    for (const ref of refs) {
      const key = referenceKey(ref);
      if (this.missing.has(key)) missing.push({ index: ref.index, mergedInto: this.missing.get(key) ?? null });
      else if (!this.found.has(key)) unknown.push(ref);
    }
    return { missing, unknown };
  }
}

/**
 * Adds an UNKNOWN_REFERENCE problem for every reference that points at nothing; one round trip,
 * with the locks not taken yet, unless the transaction knows them all already.
 */
export async function checkReferences(tx: CurationTx, refs: Reference[], problems: Problems): Promise<void> {
  const check = referenceCheck(refs);
  const { missing, unknown } = tx.known?.split(check.refs) ?? { missing: [], unknown: check.refs };
  if (unknown.length > 0) {
    const [row] = await locking(tx)<{ missingReferences: MissingReference[] }>(`${MISSING_REFERENCES}\nRETURN missingReferences`, { refs: unknown });
    missing.push(...row!.missingReferences);
  }
  check.report(missing, problems);
}

/** References to the sources of a list of SourceRefs, at `field`[i].sourceId. */
export const sourceRefs = (field: (string | number)[], refs: readonly { sourceId: string }[]): Reference[] =>
  refs.map((ref, i) => ({ field: [...field, i, "sourceId"], label: "Source", id: ref.sourceId }));

/** References to nodes of one label from a list of ids, at `field`[i]. */
export const idRefs = (field: (string | number)[], label: Referable, ids: readonly string[]): Reference[] =>
  ids.map((id, i) => ({ field: [...field, i], label, id }));

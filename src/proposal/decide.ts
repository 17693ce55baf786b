/**
 * A curator's decisions on proposals: acceptProposals writes them through the curation mutations of
 * their kinds, in one transaction and in dependency order; rejectProposals keeps them, refused.
 * Both lock the proposals first, so two curators deciding the same proposals run one after the other.
 */
import type { ProposalEdit } from "../__generated__/resolvers.js";
import type { Context } from "../context.js";
import type { MeetingOnRecord } from "../curation/meeting.js";
import { MeetingAdditions } from "../curation/meetingAdditions.js";
import { NewStatements } from "../curation/statement.js";
import { throwIfMissingPeople } from "../db/writes.js";
import { aroundInStatement, type AroundWrite } from "../events/changes.js";
import {
  curate,
  KnownReferences,
  lockKey,
  locking,
  MISSING_REFERENCES,
  type CurationTx,
  type MissingReference,
  type Outcome,
  type Written,
} from "../curation/transaction.js";
import { Problems, UserErrors, type UserError } from "../curation/userErrors.js";
import type { Ref } from "../model/proposal.js";
import { dependencyKeys, EDITABLE, plan, type Checked, type Planned, type Target } from "./steps.js";
import { PROPOSALS_ANSWER, proposalId, readProposals, type ProposalRecord, type StoredProposal } from "./store.js";

const at = (index: number) => ["ids", String(index)];

/** A meeting's last day is a whole day after every day of its date's period ("2025-07" ends after July). */
const endsAfter = (dateEnd: string, date: string) => dateEnd.length === 10 && dateEnd > `${date}${"-99".repeat((10 - date.length) / 3)}`;

/** A step's problems, reported at the proposal they come from: its input's paths mean nothing to the curator. */
function atProposal(index: number, record: ProposalRecord, mutation: string, errors: UserError[]): UserError[] {
  return errors.map((e) => ({ field: at(index), code: e.code, message: `${record.draft.summary}: ${mutation} ${e.field.join(".")}: ${e.message}` }));
}

/** Runs `work`, reporting its UserErrors at proposal `index`. */
async function reported<T>(index: number, record: ProposalRecord, mutation: string, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserErrors) throw new UserErrors(atProposal(index, record, mutation, error.errors));
    throw error;
  }
}

/** The requested proposals in the order they must be accepted: every pending one after those of the call it depends on. */
function dependencyOrder(batch: Map<string, { record: ProposalRecord; index: number }>, problems: Problems): string[] {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (id: string) => {
    if (state.get(id) === "done") return;
    const entry = batch.get(id)!;
    if (state.get(id) === "visiting") {
      problems.add(at(entry.index), "DEPENDENCY_CYCLE", `${entry.record.draft.summary}: its dependencies lead back to it`);
      return;
    }
    state.set(id, "visiting");
    for (const key of dependencyKeys(entry.record.draft)) {
      const dependency = proposalId(entry.record.sourceId, key);
      if (batch.has(dependency)) visit(dependency);
    }
    state.set(id, "done");
    order.push(id);
  };
  for (const id of batch.keys()) visit(id);
  return order;
}

// A subquery answering `targets`: one index seek per target; a person's retired id names the survivor.
const TARGETS = `
CALL () {
  UNWIND $targets AS t
  RETURN collect({
    index: t.index,
    found: CASE t.label
      WHEN 'Person' THEN EXISTS { MATCH (:Person {id: t.id}) }
      WHEN 'Place' THEN EXISTS { MATCH (:Place {id: t.id}) }
      WHEN 'Meeting' THEN EXISTS { MATCH (:Meeting {id: t.id}) }
      WHEN 'Statement' THEN EXISTS { MATCH (:Statement {id: t.id}) }
    END,
    mergedInto: [(:PersonRedirect {id: t.id})-[:MERGED_INTO]->(survivor:Person) WHERE t.label = 'Person' | survivor.id][0]
  }) AS targets
}`;

type TargetRow = { index: number; found: boolean; mergedInto: string | null };

/**
 * What the proposals rely on must still be there (a merge or a deletion since the article was
 * ingested is refused, naming the edit that fixes it), and what they create must not be there yet.
 */
function checkTargets(rows: TargetRow[], targets: { target: Target; index: number; record: ProposalRecord }[], problems: Problems): void {
  for (const { index, found, mergedInto } of rows) {
    const { target, record, index: proposal } = targets[index]!;
    const what = `${record.draft.summary}: ${target.label.toLowerCase()} ${JSON.stringify(target.id)}`;
    if (target.isNew && (found || mergedInto)) {
      problems.add(
        at(proposal),
        "ID_TAKEN",
        `${what} would be new, but the graph holds it already${mergedInto ? ` (merged into ${JSON.stringify(mergedInto)})` : ""}: accept with edits [{id, existingId}] to add this source to it`,
      );
    } else if (!target.isNew && !found && mergedInto) {
      problems.add(
        at(proposal),
        "TARGET_MERGED",
        `${what} was merged into ${JSON.stringify(mergedInto)}: accept again with an edit giving ${target.via} ${JSON.stringify(mergedInto)}`,
      );
    } else if (!target.isNew && !found) {
      problems.add(
        at(proposal),
        "TARGET_DELETED",
        `${what} is no longer in the graph: reject the proposal, or accept it with an edit naming what it refers to now (${target.via})`,
      );
    }
  }
}

/** The edits by proposal id; an edit of a proposal not in `ids`, given twice, or of a field its kind does not have is refused. */
function editsById(
  ids: readonly string[],
  edits: readonly ProposalEdit[],
  records: Map<string, ProposalRecord>,
  problems: Problems,
): Map<string, ProposalEdit> {
  const byId = new Map<string, ProposalEdit>();
  edits.forEach((edit, i) => {
    const record = records.get(edit.id);
    if (!ids.includes(edit.id)) problems.add(["edits", String(i), "id"], "INVALID_EDIT", `proposal ${JSON.stringify(edit.id)} is not among the ids to accept`);
    else if (byId.has(edit.id))
      problems.add(["edits", String(i), "id"], "INVALID_EDIT", `proposal ${JSON.stringify(edit.id)} is edited twice; give one edit per proposal`);
    if (record) {
      const allowed = new Set<string>(["id", "note", ...EDITABLE[record.draft.kind]]);
      for (const [field, value] of Object.entries(edit)) {
        if (value != null && !allowed.has(field))
          problems.add(
            ["edits", String(i), field],
            "INVALID_EDIT",
            `a ${record.draft.kind} proposal has no ${field} to correct; it can correct ${[...allowed].filter((f) => f !== "id").join(", ")}`,
          );
      }
      const date = edit.date ?? record.draft.meeting?.date;
      if (record.draft.kind === "MEETING" && edit.dateEnd != null && date && !endsAfter(edit.dateEnd, date)) {
        problems.add(
          ["edits", String(i), "dateEnd"],
          "INVALID_EDIT",
          `dateEnd ${edit.dateEnd} must be a whole day (YYYY-MM-DD) after the meeting's date ${date}`,
        );
      }
    }
    byId.set(edit.id, edit);
  });
  return byId;
}

/**
 * The steps' locks, then in one statement: the targets, the references the steps check first (those
 * to nothing the call creates, made known to the steps' work) and what the additions to stored
 * meetings check against.
 */
async function readLocked(tx: CurationTx, steps: Checked[], targets: Target[], additions: MeetingAdditions<Checked>, created: Set<string>) {
  const stepReferences = steps.flatMap((c) =>
    (c.references ?? []).flatMap((ref) => (ref.id && !created.has(`${ref.label}:${ref.id}`) ? [{ label: ref.label, id: ref.id }] : [])),
  );
  const references = [...new Map([...additions.references, ...stepReferences].map((ref) => [`${ref.label}:${ref.id}`, ref])).values()];
  const { cypher, params } = additions.read;
  const [row] = await locking(
    tx,
    steps.flatMap((c) => c.locks),
  )<{ targets: TargetRow[]; missingReferences: MissingReference[]; meetings: MeetingOnRecord[] }>(
    `${TARGETS}\n${MISSING_REFERENCES}\n${cypher}\nRETURN targets, missingReferences, meetings`,
    { targets: targets.map((target, index) => ({ ...target, index })), refs: references.map((ref, index) => ({ ...ref, index })), ...params },
  );
  return { targets: row!.targets, meetings: row!.meetings, known: new KnownReferences(references, row!.missingReferences) };
}

const MARK_ACCEPTED = `
CALL () {
  UNWIND $accepted AS row
  MATCH (p:Proposal {id: row.id})
  SET p.status = 'ACCEPTED', p.became = row.became, p.created = row.created, p.edits = row.edits, p.decidedBy = $actor, p.decidedAt = datetime()
}`;

interface AcceptInput {
  ids: readonly string[];
  edits?: readonly ProposalEdit[] | null;
}

/** The work of acceptProposals, inside its transaction (the proposals' locks held). */
async function accept(tx: CurationTx, { ids, edits }: AcceptInput): Promise<Written> {
  const problems = new Problems();
  const records = await readProposals(locking(tx), [...ids]);
  const editOf = editsById(ids, edits ?? [], records, problems);
  const batch = new Map<string, { record: ProposalRecord; index: number }>();
  ids.forEach((id, index) => {
    const record = records.get(id);
    if (!record) problems.add(at(index), "NOT_FOUND", `no proposal ${JSON.stringify(id)}`);
    else if (record.status === "REJECTED")
      problems.add(
        at(index),
        "PROPOSAL_REJECTED",
        `${record.draft.summary}: it was rejected by ${record.decidedBy} (${record.rejectionReason ?? "no reason given"}), so it cannot be accepted; ingest the article again into a new source to reconsider it`,
      );
    // Accepted (or known) already: accepting it again changes nothing.
    else if (record.status === "PENDING") batch.set(id, { record, index });
  });
  problems.throwIfAny();

  // The dependencies outside the call are locked too, so none is rejected while this reads it as accepted.
  const outside = [...new Set([...batch.values()].flatMap(({ record }) => dependencyKeys(record.draft).map((key) => proposalId(record.sourceId, key))))].filter(
    (id) => !batch.has(id),
  );
  const decided =
    outside.length === 0
      ? new Map<string, ProposalRecord>()
      : await readProposals(
          locking(
            tx,
            outside.map((id) => lockKey("Proposal", id)),
          ),
          outside,
        );
  for (const { record, index } of batch.values()) {
    for (const key of dependencyKeys(record.draft)) {
      const id = proposalId(record.sourceId, key);
      const dependency = decided.get(id);
      if (batch.has(id) || dependency?.became) continue;
      const what = dependency ? `${JSON.stringify(dependency.draft.summary)} (${id}) is ${dependency.status}` : `proposal ${JSON.stringify(key)} is not stored`;
      problems.add(
        at(index),
        "DEPENDENCY_NOT_ACCEPTED",
        `${record.draft.summary}: it depends on ${what}; accept it in the same call (add ${id} to ids) or first`,
      );
    }
  }
  const order = dependencyOrder(batch, problems);
  problems.throwIfAny();

  // Every step is planned and checked before anything is written: what each becomes is known from the drafts.
  const became = new Map([...decided.values()].map((d) => [d.id, d.became!]));
  const planned: { id: string; index: number; record: ProposalRecord; planned: Planned; checked: Checked[] }[] = [];
  for (const id of order) {
    const { record, index } = batch.get(id)!;
    const resolve = (ref: Ref) => ("id" in ref ? ref.id : became.get(proposalId(record.sourceId, ref.key))!);
    const edit = editOf.get(id);
    try {
      const p = await reported(index, record, "accept", () => plan(record.draft, edit, record.sourceId, resolve));
      const checked = [];
      for (const s of p.steps) checked.push(await reported(index, record, s.mutation, s.check));
      planned.push({ id, index, record, planned: p, checked });
      became.set(id, p.became);
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      for (const e of error.errors) problems.add(e.field, e.code, e.message);
    }
  }
  problems.throwIfAny();

  const created = new Set(planned.flatMap((p) => p.planned.targets.filter((t) => t.isNew).map((t) => `${t.label}:${t.id}`)));
  const targets = planned.flatMap(({ planned: p, index, record }) =>
    p.targets.filter((t) => t.isNew || !created.has(`${t.label}:${t.id}`)).map((target) => ({ target, index, record })),
  );
  const steps = planned.flatMap((p) => p.checked);
  const additions = new MeetingAdditions(steps, created);
  const read = await readLocked(
    tx,
    steps,
    targets.map(({ target }) => target),
    additions,
    created,
  );
  checkTargets(read.targets, targets, problems);
  problems.throwIfAny();
  additions.answered(read.meetings, read.known);
  const stepTx = { ...tx, known: read.known };
  const statements = new NewStatements();
  // A step's own work may read what the steps before it wrote: the new statements kept go first.
  const writtenBy = async (c: Checked): Promise<Written> => {
    if (additions.covers(c)) return additions.add(c);
    if (c.statement && created.has(`Statement:${c.statement.id}`)) return statements.add(stepTx, c.statement);
    await statements.flush(stepTx);
    return c.work(stepTx);
  };

  const entityIds: string[] = [];
  const addedClaimIds: string[] = [];
  const relinkedIds: string[] = [];
  const accepted = [];
  for (const { id, index, record, planned: p, checked } of planned) {
    let last: string | null = null;
    for (const [i, c] of checked.entries()) {
      const written = await reported(index, record, p.steps[i]!.mutation, () => writtenBy(c));
      entityIds.push(...written.entityIds);
      addedClaimIds.push(...(written.addedClaimIds ?? []));
      relinkedIds.push(...(written.relinkedIds ?? []));
      last = p.becameWritten ? p.becameWritten(written) : null;
    }
    const edit = editOf.get(id);
    accepted.push({ id, became: last ?? p.became, created: p.targets.some((t) => t.isNew), edits: edit ? JSON.stringify(edit) : null });
  }
  // The new statements kept, the additions to stored meetings, the proposals marked and the audit entry in one
  // statement, which ends with what the events need and the proposals as the answer shows them: nothing is read after the commit.
  const all = [...ids, ...entityIds];
  const around = aroundInStatement({ mutation: "acceptProposals", id: "", entityIds: all });
  const kept = statements.take();
  const [row] = await tx.runAudited<{ statementsMissing: string[]; around: AroundWrite; proposals: StoredProposal[] }>(
    `${kept.cypher}\n${additions.write.cypher}\n${MARK_ACCEPTED}\n${around.cypher}\n${PROPOSALS_ANSWER}\nRETURN statementsMissing, ${around.column}, proposals`,
    { ...kept.params, ...additions.write.params, accepted, actor: tx.actor.actor, ...around.params, ids },
    all,
  );
  throwIfMissingPeople([{ missing: row!.statementsMissing }]);
  const answered = (loaders: Context["loaders"]) => row!.proposals.forEach((proposal) => loaders.proposalById.prime(proposal));
  return { id: "", entityIds: all, addedClaimIds, relinkedIds, around: row!.around, answered };
}

export const acceptProposals = (ctx: Context, input: AcceptInput): Promise<Outcome> =>
  curate(ctx, "acceptProposals", input, {
    check: () => input,
    locks: () => input.ids.map((id) => lockKey("Proposal", id)),
    work: (tx) => accept(tx, input),
  });

// A second rejection keeps the first one's who, when and why.
const MARK_REJECTED = `
UNWIND $ids AS id
MATCH (p:Proposal {id: id}) WHERE p.status = 'PENDING'
SET p.status = 'REJECTED', p.decidedBy = $actor, p.decidedAt = datetime(), p.rejectionReason = $reason`;

interface RejectInput {
  ids: readonly string[];
  reason?: string | null;
}

export const rejectProposals = (ctx: Context, input: RejectInput): Promise<Outcome> =>
  curate(ctx, "rejectProposals", input, {
    check: () => input,
    locks: () => input.ids.map((id) => lockKey("Proposal", id)),
    work: async (tx, { ids, reason }) => {
      const problems = new Problems();
      const records = await readProposals(locking(tx), [...ids]);
      ids.forEach((id, index) => {
        const record = records.get(id);
        if (!record) problems.add(at(index), "NOT_FOUND", `no proposal ${JSON.stringify(id)}`);
        else if (record.status === "ACCEPTED")
          problems.add(
            at(index),
            "PROPOSAL_ACCEPTED",
            `${record.draft.summary}: it was accepted by ${record.decidedBy}; retract what it became instead (retractClaim)`,
          );
      });
      problems.throwIfAny();
      await tx.runAudited(MARK_REJECTED, { ids, actor: tx.actor.actor, reason: reason ?? null }, [...ids]);
      return { id: "", entityIds: [...ids] };
    },
  });

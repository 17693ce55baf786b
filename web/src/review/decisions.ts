/**
 * A curator's decisions, sent to the API: accepting (with the pending proposals each one needs
 * first, which the API requires in the same call) and rejecting. A refusal comes back in words
 * with its code, whether the API refused the request (not signed in, no write permission) or the
 * payload lists what was wrong.
 */
import { useState } from "react";
import type { ProposalEdit } from "../__generated__/graphql";
import { ApiError, execute } from "../api";
import { AcceptProposalsMutation, RejectProposalsMutation } from "./documents";
import type { Proposal } from "./useReview";

export interface Refusal {
  code: string | null;
  message: string;
}

/** The ids to accept for `chosen`: each with the pending proposals it depends on, however deep, dependencies first. */
export function withDependencies(chosen: readonly Proposal[], all: readonly Proposal[]): string[] {
  const byId = new Map(all.map((proposal) => [proposal.id, proposal]));
  const ordered: string[] = [];
  const visit = (proposal: Proposal | undefined) => {
    if (!proposal || proposal.status !== "PENDING" || ordered.includes(proposal.id)) return;
    ordered.push(proposal.id);
    for (const dependency of proposal.dependsOn) visit(byId.get(dependency.id));
  };
  for (const proposal of chosen) visit(proposal);
  return ordered.reverse();
}

type Decision = { kind: "accept"; ids: string[]; edits?: ProposalEdit[] } | { kind: "reject"; ids: string[]; reason: string | null };

async function send(decision: Decision): Promise<{ proposals: Proposal[]; refusals: Refusal[] }> {
  if (decision.kind === "accept") {
    const { acceptProposals } = await execute(AcceptProposalsMutation, { ids: decision.ids, edits: decision.edits ?? null });
    return { proposals: acceptProposals.proposals, refusals: acceptProposals.errors };
  }
  const { rejectProposals } = await execute(RejectProposalsMutation, { ids: decision.ids, reason: decision.reason });
  return { proposals: rejectProposals.proposals, refusals: rejectProposals.errors };
}

/** Sends decisions one at a time, hands the proposals as they now stand to `update`, and keeps the last refusal for the reader. */
export function useDecisions(update: (changed: readonly Proposal[]) => void) {
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const decide = async (decision: Decision): Promise<boolean> => {
    setBusy(true);
    setRefusals([]);
    try {
      const outcome = await send(decision);
      update(outcome.proposals);
      setRefusals(outcome.refusals);
      return outcome.refusals.length === 0;
    } catch (error) {
      setRefusals(error instanceof ApiError ? error.problems : [{ code: null, message: error instanceof Error ? error.message : String(error) }]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, refusals, decide };
}

import type { Resolvers } from "../__generated__/resolvers.js";
import { refreshLoaders, type Context } from "../context.js";
import type { Outcome } from "../curation/transaction.js";
import { compact } from "../graphql/input.js";
import { loadConnection } from "../db/pagination.js";
import type { Ref } from "../model/proposal.js";
import { acceptProposals, rejectProposals } from "./decide.js";
import { articleExtraction } from "./extraction.js";
import { ingestArticle } from "./ingest.js";
import { proposalConnection, proposalId, proposalsOfSource, type ProposalRecord, type RefRecord } from "./store.js";

async function proposalsById(ctx: Context, ids: readonly string[]): Promise<ProposalRecord[]> {
  const found = await Promise.all([...new Set(ids)].map((id) => ctx.loaders.proposalById.load(id)));
  return found.filter((p): p is ProposalRecord => p !== null);
}

/** The proposals the call named, read after its commit while its events go out. */
async function decided(ctx: Context, ids: readonly string[], outcome: Promise<Outcome>) {
  const { errors, published, answered } = await outcome;
  refreshLoaders(ctx);
  answered?.(ctx.loaders);
  const [proposals] = await Promise.all([proposalsById(ctx, ids), published]);
  return { proposals, errors };
}

/** The draft's part for its kind, as the schema's Proposed* types, with its references carrying the article. */
const refOf =
  (p: ProposalRecord) =>
  (ref: Ref | null | undefined): RefRecord | null =>
    ref ? { sourceId: p.sourceId, ref } : null;
const refTo = (p: ProposalRecord, ref: Ref): RefRecord => ({ sourceId: p.sourceId, ref });
const part = <T, R>(value: T | undefined, shape: (value: T) => R): R | null => (value ? shape(value) : null);

/** The id a key reference will have: what the proposal became, or the id its draft gives the node. */
function idOfProposal(p: ProposalRecord | null): string | null {
  if (!p) return null;
  const { person, place, meeting, statement } = p.draft;
  return (
    p.became ??
    person?.existingId ??
    person?.id ??
    place?.existingId ??
    place?.id ??
    meeting?.existingId ??
    meeting?.id ??
    statement?.existingId ??
    statement?.id ??
    null
  );
}

export const proposalResolvers: Resolvers = {
  Mutation: {
    ingestArticle: async (_root, { input }, ctx) => {
      const { id, errors, published } = await ingestArticle(ctx, input, articleExtraction);
      refreshLoaders(ctx);
      if (id === null) return { source: null, proposals: [], errors };
      const [source, proposals] = await Promise.all([ctx.loaders.sourceById.load(id), proposalsOfSource(ctx.db, id), published]);
      return { source, proposals, errors };
    },
    acceptProposals: (_root, { ids, edits }, ctx) => decided(ctx, ids, acceptProposals(ctx, { ids, edits })),
    rejectProposals: (_root, { ids, reason }, ctx) => decided(ctx, ids, rejectProposals(ctx, { ids, reason })),
  },
  Query: {
    proposals: async (_root, { filter, first, after }, ctx, info) =>
      proposalConnection(
        await loadConnection(
          ctx.loaders.proposalPages,
          compact({ sourceId: filter?.sourceId, statuses: filter?.statuses, kinds: filter?.kinds, meetingProposalId: filter?.meetingProposalId }),
          { first, after },
          info,
        ),
      ),
    ingestedSources: (_root, { first, after }, ctx, info) => loadConnection(ctx.loaders.ingestedSourcePages, {}, { first, after }, info),
  },
  Source: {
    text: async (s, _args, ctx) => (await ctx.loaders.sourceText.load(s.id))?.text ?? null,
  },
  IngestedSource: {
    source: async (row, _args, ctx) => (await ctx.loaders.sourceById.load(row.sourceId))!,
  },
  Proposal: {
    kind: (p) => p.draft.kind,
    summary: (p) => p.draft.summary,
    excerpt: (p) => p.draft.excerpt,
    start: (p) => p.draft.start,
    end: (p) => p.draft.end,
    confidence: (p) => p.draft.confidence,
    reason: (p) => p.draft.reason,
    basis: (p) => p.draft.basis,
    note: (p) => p.draft.note ?? null,
    source: async (p, _args, ctx) => (await ctx.loaders.sourceById.load(p.sourceId))!,
    dependsOn: (p, _args, ctx) =>
      proposalsById(
        ctx,
        p.draft.dependsOn.map((key) => proposalId(p.sourceId, key)),
      ),
    meeting: (p, _args, ctx) =>
      p.draft.meetingKey && p.draft.meetingKey !== p.draft.key ? ctx.loaders.proposalById.load(proposalId(p.sourceId, p.draft.meetingKey)) : null,
    known: (p) => p.draft.known ?? null,
    contradicts: (p) => (p.draft.contradicts ? { ...p.draft.contradicts, fromThisSource: null } : null),
    person: (p) => part(p.draft.person, (person) => ({ aliases: [], countryIds: [], description: null, ...person, existingId: person.existingId ?? null })),
    place: (p) => part(p.draft.place, (place) => ({ ...place, existingId: place.existingId ?? null, within: refOf(p)(place.within) })),
    proposedMeeting: (p) =>
      part(p.draft.meeting, (meeting) => ({
        ...meeting,
        existingId: meeting.existingId ?? null,
        place: refOf(p)(meeting.place),
        participants: meeting.participants.map((ref) => ({ sourceId: p.sourceId, ref })),
      })),
    participation: (p) => part(p.draft.participation, (x) => ({ ...x, meeting: refTo(p, x.meeting), person: refTo(p, x.person) })),
    duration: (p) => part(p.draft.duration, (x) => ({ ...x, meeting: refTo(p, x.meeting) })),
    statement: (p) => part(p.draft.statement, (x) => ({ ...x, existingId: x.existingId ?? null, speaker: refTo(p, x.speaker), meeting: refOf(p)(x.meeting) })),
    claim: (p) => part(p.draft.claim, (x) => ({ ...x, meeting: refTo(p, x.meeting) })),
    role: (p) => part(p.draft.role, (x) => ({ ...x, person: refTo(p, x.person) })),
    relation: (p) => part(p.draft.relation, (x) => ({ ...x, from: refTo(p, x.from), to: refTo(p, x.to) })),
  },
  ProposalRef: {
    id: async ({ sourceId, ref }, _args, ctx) =>
      "id" in ref ? ref.id : (idOfProposal(await ctx.loaders.proposalById.load(proposalId(sourceId, ref.key))) ?? ref.key),
    proposal: ({ sourceId, ref }, _args, ctx) => ("key" in ref ? ctx.loaders.proposalById.load(proposalId(sourceId, ref.key)) : null),
  },
};

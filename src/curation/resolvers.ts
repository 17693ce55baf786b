import type { Resolvers } from "../__generated__/resolvers.js";
import { requirePermission } from "../auth/credentials.js";
import { refreshLoaders, type Context } from "../context.js";
import { compact } from "../graphql/input.js";
import { loadConnection } from "../db/pagination.js";
import type { ClaimRecord } from "../meeting/claims.js";
import { attachClaims, createMeeting, meetingOfClaim, retractClaim, updateMeeting } from "./meeting.js";
import { createPerson, mergePeople, updatePerson } from "./person.js";
import { rankClaim } from "./rank.js";
import { addStatement, addWording, createSource } from "./statement.js";
import type { Outcome } from "./transaction.js";

/** The written object, read after the commit (with fresh loaders) while its events go out, or null when the input was refused. */
async function written<T>(ctx: Context, outcome: Promise<Outcome>, load: (ctx: Context, id: string) => Promise<T | null>) {
  const { id, errors, published, answered } = await outcome;
  refreshLoaders(ctx);
  answered?.(ctx.loaders);
  const [value] = await Promise.all([id === null ? null : load(ctx, id), published]);
  return { value, errors };
}

const person = (ctx: Context, id: string) => ctx.loaders.personById.load(id);
const meeting = (ctx: Context, id: string) => ctx.loaders.meetingById.load(id);
const statement = (ctx: Context, id: string) => ctx.loaders.statementById.load(id);
const source = (ctx: Context, id: string) => ctx.loaders.sourceById.load(id);
async function claim(ctx: Context, id: string): Promise<ClaimRecord | null> {
  const meetingId = meetingOfClaim(id);
  const claims = [...(await ctx.loaders.claimsByMeeting.load(meetingId)), ...(await ctx.loaders.retractedClaimsByMeeting.load(meetingId))];
  return claims.find((c) => c.id === id) ?? null;
}

const personPayload = async (ctx: Context, outcome: Promise<Outcome>) => {
  const { value, errors } = await written(ctx, outcome, person);
  return { person: value, errors };
};
const meetingPayload = async (ctx: Context, outcome: Promise<Outcome>) => {
  const { value, errors } = await written(ctx, outcome, meeting);
  return { meeting: value, errors };
};
const statementPayload = async (ctx: Context, outcome: Promise<Outcome>) => {
  const { value, errors } = await written(ctx, outcome, statement);
  return { statement: value, errors };
};
const claimPayload = async (ctx: Context, outcome: Promise<Outcome>) => {
  const { value, errors } = await written(ctx, outcome, claim);
  return { claim: value, errors };
};

/** Thin: each mutation is in src/curation/<domain>.ts; these only shape the payloads. */
export const curationResolvers: Resolvers = {
  Mutation: {
    createPerson: (_root, { input }, ctx) => personPayload(ctx, createPerson(ctx, input)),
    updatePerson: (_root, { input }, ctx) => personPayload(ctx, updatePerson(ctx, input)),
    mergePeople: (_root, { input }, ctx) => personPayload(ctx, mergePeople(ctx, input)),
    createMeeting: (_root, { input }, ctx) => meetingPayload(ctx, createMeeting(ctx, input)),
    updateMeeting: (_root, { input }, ctx) => meetingPayload(ctx, updateMeeting(ctx, input)),
    attachClaims: (_root, { input }, ctx) => meetingPayload(ctx, attachClaims(ctx, input)),
    addStatement: (_root, { input }, ctx) => statementPayload(ctx, addStatement(ctx, input)),
    addWording: (_root, { input }, ctx) => statementPayload(ctx, addWording(ctx, input)),
    createSource: async (_root, { input }, ctx) => {
      const { value, errors } = await written(ctx, createSource(ctx, input), source);
      return { source: value, errors };
    },
    retractClaim: (_root, { input }, ctx) => claimPayload(ctx, retractClaim(ctx, input)),
    rankClaim: (_root, { input }, ctx) => claimPayload(ctx, rankClaim(ctx, input)),
  },
  Query: {
    auditLog: (_root, { actor, entityId, first, after }, ctx, info) => {
      requirePermission(ctx.auth, "read", "The audit log");
      return loadConnection(ctx.loaders.auditConnection, compact({ actor, entityId }), { first, after }, info);
    },
  },
  Meeting: {
    retractedClaims: async (m, { field }, { loaders }) => {
      const claims = await loaders.retractedClaimsByMeeting.load(m.id);
      return field ? claims.filter((c) => c.field === field) : claims;
    },
  },
};

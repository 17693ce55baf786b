/**
 * The Subscription fields: each listens on a bus topic (src/events/topics.ts) and hands every
 * event to GraphQL, which reads the objects it names after the commit, with fresh loaders and the
 * subscriber's own credentials.
 */
import { GraphQLError } from "graphql";
import type { ClaimFilter, Resolvers } from "../__generated__/resolvers.js";
import { refreshLoaders, type Context } from "../context.js";
import { EventStreamDropped, type EventBus, type EventStream, type Json } from "../events/bus.js";
import {
  CLAIMS_TOPIC,
  meetingTopic,
  personTopic,
  PROPOSALS_TOPIC,
  type ClaimAdded,
  type MeetingChanged,
  type PersonChanged,
  type ProposalsChanged,
} from "../events/topics.js";

/**
 * The events of `stream` that `keep` accepts, each read with fresh loaders, as it is now. Not an
 * async generator: one waiting for an event could not be ended until the next one came, and an
 * unsubscribed client would hold its stream until then.
 */
function eventsFor<T>(ctx: Context, stream: EventStream, keep: (event: T) => boolean = () => true): AsyncIterableIterator<T> {
  const events: AsyncIterableIterator<T> = {
    async next() {
      // Asked for once the previous event has been sent: its reads are dropped before the wait, so
      // an idle subscription holds none of them (a meeting's claims, read for the last claimAdded).
      refreshLoaders(ctx);
      for (;;) {
        let result: IteratorResult<Json>;
        try {
          result = await stream.next();
        } catch (error) {
          if (!(error instanceof EventStreamDropped)) throw error;
          const reason = error.reason === "bus-closed" ? "SERVICE_RESTART" : "READER_TOO_SLOW";
          throw new GraphQLError(`${error.message} Subscribe again.`, { extensions: { code: "SUBSCRIPTION_DROPPED", reason } });
        }
        if (result.done) return { value: undefined, done: true };
        const event = result.value as T;
        if (!keep(event)) continue;
        return { value: event, done: false };
      }
    },
    return: async () => {
      await stream.return();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => events,
  };
  return events;
}

const notFound = (what: string, id: string) =>
  new GraphQLError(`No ${what} ${JSON.stringify(id)}: check the id (subscriptions are to existing objects).`, {
    extensions: { code: "NOT_FOUND", argument: "id" },
  });

/**
 * Subscribes, then checks that `id` names something: in that order, so no event between the check
 * and the subscription is lost. An unknown id ends the subscription with NOT_FOUND.
 */
async function subscribeTo<T>(ctx: Context, bus: EventBus, topic: string, exists: Promise<unknown>, what: string, id: string) {
  const stream = bus.subscribe(topic);
  try {
    if (!(await exists)) throw notFound(what, id);
  } catch (error) {
    await stream.return();
    throw error;
  }
  return eventsFor<T>(ctx, stream);
}

const claimMatches = (filter: ClaimFilter | null | undefined) => (event: ClaimAdded) =>
  (filter?.meetingId == null || event.meetingId === filter.meetingId) &&
  (filter?.personId == null || event.personIds.includes(filter.personId)) &&
  (filter?.field == null || event.field === filter.field) &&
  (filter?.sourceId == null || event.sourceId === filter.sourceId);

export function subscriptionResolvers(bus: EventBus): Resolvers {
  return {
    Subscription: {
      meetingChanged: {
        subscribe: (_root, { id }, ctx) => subscribeTo<MeetingChanged>(ctx, bus, meetingTopic(id), ctx.loaders.meetingById.load(id), "meeting", id),
        resolve: (event: MeetingChanged) => event,
      },
      personChanged: {
        // An id merged away stands for its survivor: the subscription follows the survivor.
        subscribe: async (_root, { id }, ctx) => {
          const person = await ctx.loaders.personById.load(id);
          return subscribeTo<PersonChanged>(ctx, bus, personTopic(person?.id ?? id), ctx.loaders.personById.load(person?.id ?? id), "person", id);
        },
        resolve: (event: PersonChanged) => event,
      },
      claimAdded: {
        subscribe: (_root, { filter }, ctx) => eventsFor<ClaimAdded>(ctx, bus.subscribe(CLAIMS_TOPIC), claimMatches(filter)),
        resolve: (event: ClaimAdded) => event,
      },
      proposalsChanged: {
        subscribe: (_root, { sourceId }, ctx) =>
          eventsFor<ProposalsChanged>(ctx, bus.subscribe(PROPOSALS_TOPIC), (event) => sourceId == null || event.sourceId === sourceId),
        resolve: (event: ProposalsChanged) => event,
      },
    },
    ProposalsChangedEvent: {
      source: (event, _args, { loaders }) => loaders.sourceById.load(event.sourceId),
      proposals: async (event, _args, { loaders }) =>
        (await Promise.all(event.proposalIds.map((id) => loaders.proposalById.load(id)))).filter((p) => p !== null),
    },
    MeetingChangedEvent: {
      meeting: (event, _args, { loaders }) => loaders.meetingById.load(event.meetingId),
    },
    PersonChangedEvent: {
      person: (event, _args, { loaders }) => loaders.personById.load(event.mergedIntoId ?? event.personId),
      mergedInto: (event, _args, { loaders }) => (event.mergedIntoId === null ? null : loaders.personById.load(event.mergedIntoId)),
    },
    ClaimAddedEvent: {
      claim: async (event, _args, { loaders }) => (await loaders.claimsByMeeting.load(event.meetingId)).find((claim) => claim.id === event.claimId) ?? null,
      meeting: (event, _args, { loaders }) => loaders.meetingById.load(event.meetingId),
      source: (event, _args, { loaders }) => loaders.sourceById.load(event.sourceId),
    },
  };
}

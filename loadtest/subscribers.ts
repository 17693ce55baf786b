/**
 * The two sides of the subscriptions load test (loadtest/subscriptions.ts): subscribers, graphql-ws's own
 * client over `ws` as a web page or an app would connect, and a curator writing through HTTP mutations
 * at a steady rate, whose writes the subscribers hear about.
 */
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { UserFacingError } from "../src/script.js";
import { percentile } from "./service.js";

/** The meetings and people written to: each write concerns one of them, and each subscription listens to one. */
export const TOPICS = 4;
const meetingId = (topic: number) => `loadtest-meeting-${topic}`;
const personId = (topic: number) => `loadtest-person-${topic}`;
const SOURCE = "dawat-004";

/** The subscriptions, each with a little of what its object is after the commit (read per subscriber, as a client would). */
const SUBSCRIPTIONS = [
  {
    field: "meetingChanged",
    query: `subscription($id: ID!) { meetingChanged(id: $id) { at change claimIds meeting { id title } } }`,
    variables: (topic: number) => ({ id: meetingId(topic) }),
  },
  {
    field: "personChanged",
    query: `subscription($id: ID!) { personChanged(id: $id) { at change person { id name } } }`,
    variables: (topic: number) => ({ id: personId(topic) }),
  },
  {
    field: "claimAdded",
    query: `subscription($filter: ClaimFilter) { claimAdded(filter: $filter) { at claimId claim { value } } }`,
    variables: (topic: number) => ({ filter: { meetingId: meetingId(topic) } }),
  },
] as const;

/** A subscription: its kind (index into the three above) and topic. The n-th of a run goes round both. */
export interface Subscription {
  kind: number;
  topic: number;
}
export const nthSubscription = (n: number): Subscription => ({ kind: n % SUBSCRIPTIONS.length, topic: Math.floor(n / SUBSCRIPTIONS.length) % TOPICS });

/** What the subscribers received: events and their latency from publication (the event's `at`, same clock) to arrival, and failures. */
export class Deliveries {
  events = 0;
  latenciesMs: number[] = [];
  /** Subscription errors, connections that failed to open, closed by the server, or answered malformed events. */
  errors = 0;
  readonly errorSamples: string[] = [];

  error(what: string): void {
    this.errors += 1;
    if (this.errorSamples.length < 5) this.errorSamples.push(what);
  }

  /** The period's figures, and a fresh start for the next. */
  takePeriod(): { events: number; p50: number; p99: number; max: number } {
    const sorted = this.latenciesMs.sort((a, b) => a - b);
    const period = { events: this.events, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 };
    this.events = 0;
    this.latenciesMs = [];
    return period;
  }
}

export interface Connection {
  /** Closes it as a client leaving does (graphql-ws completes its subscriptions, then closes with 1000). */
  leave(): Promise<void>;
}

/** How long a connection may take to be acknowledged before it counts as refused. */
const CONNECT_WAIT_MS = 30_000;

/** Opens a connection and starts its subscriptions; resolves once the server has acknowledged it. */
export function connect(wsUrl: string, subscriptions: Subscription[], deliveries: Deliveries): Promise<Connection> {
  let leaving = false;
  let client: Client;
  return new Promise<Connection>((resolve, reject) => {
    // A handshake the loaded service never answers would otherwise hold the whole run.
    const giveUp = setTimeout(() => {
      leaving = true;
      void client.dispose();
      deliveries.error(`connection not acknowledged within ${CONNECT_WAIT_MS} ms`);
      reject(new Error("connection not acknowledged"));
    }, CONNECT_WAIT_MS);
    client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      onNonLazyError: () => {},
      on: {
        connected: () => {
          clearTimeout(giveUp);
          for (const { kind, topic } of subscriptions) {
            const { field, query, variables } = SUBSCRIPTIONS[kind]!;
            client.subscribe<Record<string, { at?: string }>>(
              { query, variables: variables(topic) },
              {
                next: (result) => {
                  const at = result.data?.[field]?.at;
                  if (result.errors || !at) return deliveries.error(`${field}: ${JSON.stringify(result.errors ?? result.data)}`);
                  deliveries.events += 1;
                  deliveries.latenciesMs.push(Date.now() - Date.parse(at));
                },
                error: (error) => deliveries.error(`${field}: ${JSON.stringify(error)}`),
                complete: () => {},
              },
            );
          }
          resolve({
            leave: async () => {
              leaving = true;
              await client.dispose();
            },
          });
        },
        closed: (event) => {
          if (leaving) return;
          const { code, reason } = event as { code?: number; reason?: string };
          clearTimeout(giveUp);
          const what = `connection closed by the server: ${code ?? "?"} ${reason ?? String(event)}`;
          deliveries.error(what);
          reject(new Error(what));
        },
      },
    });
  });
}

/** How many subscribers each write reaches when the subscriptions are `subscriptions` (meetingChanged and claimAdded for a claim, personChanged for a person). */
export function expectedDeliveries(subscriptions: Subscription[], write: Write): number {
  return subscriptions.filter((s) => s.topic === write.topic && (write.kind === "claim" ? s.kind !== 1 : s.kind === 1)).length;
}

export interface Write {
  kind: "claim" | "person";
  topic: number;
}

/** A curator's HTTP mutations with a write key: the topics' meetings and people, then claims and aliases, one write at a time. */
export class Writer {
  writes = 0;
  errors = 0;
  latenciesMs: number[] = [];
  readonly errorSamples: string[] = [];
  private n = 0;

  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {}

  private async mutate(query: string, input: Record<string, unknown>): Promise<void> {
    const started = Date.now();
    try {
      const response = await fetch(this.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.key}` },
        body: JSON.stringify({ query, variables: { input } }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as { data?: Record<string, { errors: unknown[] }>; errors?: unknown[] };
      const payload = body.data && Object.values(body.data)[0];
      if (body.errors || !payload || payload.errors.length > 0) throw new Error(JSON.stringify(body.errors ?? payload?.errors ?? body));
      this.writes += 1;
      this.latenciesMs.push(Date.now() - started);
    } catch (error) {
      this.errors += 1;
      if (this.errorSamples.length < 5) this.errorSamples.push((error as Error).message);
    }
  }

  /** The meetings and people the subscriptions listen to. */
  async createTopics(): Promise<void> {
    for (let topic = 0; topic < TOPICS; topic++) {
      await this.mutate(`mutation($input: PersonInput!) { createPerson(input: $input) { errors { code message } } }`, {
        id: personId(topic),
        name: `Load Test ${topic}`,
      });
      await this.mutate(`mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code message } } }`, {
        id: meetingId(topic),
        kind: "talks",
        title: `Load test meeting ${topic}`,
        date: "2025-06-01",
        participants: [{ personId: personId(topic), sources: [{ sourceId: SOURCE, excerpt: "[loadtest] attended" }] }],
        claims: [{ field: "date", value: "2025-06-01", sourceId: SOURCE, excerpt: "[loadtest] date" }],
      });
    }
    if (this.errors > 0) {
      throw new UserFacingError(
        `Could not create the load test's meetings and people: ${this.errorSamples.join("; ")}. ` +
          "On a busy machine (QUERY_TIMEOUT), run it again when the load is lower, or give the service NEO4J_QUERY_TIMEOUT_MS=60000.",
      );
    }
  }

  /** The next write, in turn: a new claim on a meeting (meetingChanged, claimAdded), then a person's new alias (personChanged). */
  async write(): Promise<Write> {
    const n = this.n++;
    const write: Write = { kind: n % 2 === 0 ? "claim" : "person", topic: Math.floor(n / 2) % TOPICS };
    if (write.kind === "claim") {
      await this.mutate(`mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { errors { code message } } }`, {
        meetingId: meetingId(write.topic),
        claims: [{ field: "outcome", value: `load ${n}`, sourceId: SOURCE, excerpt: `[loadtest] outcome ${n}` }],
      });
    } else {
      await this.mutate(`mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { errors { code message } } }`, {
        id: personId(write.topic),
        aliases: [`load ${n}`],
      });
    }
    return write;
  }
}

/**
 * Load generation with autocannon's programmatic API. It runs in the orchestrator process; every
 * server runs in a process of its own, so the generator never shares an event loop with what it
 * measures. Latencies are recorded per response (autocannon's own histogram has no p95), and every
 * response is checked: a non-200 status or a GraphQL `errors` member is counted, never timed as a success.
 */
import autocannon from "autocannon";

export interface LoadTarget {
  url: string;
  /** The JSON request body, the same for every request unless `nextBody` is given. */
  body: string;
  /** A fresh body for each request (a write must not repeat an earlier one's input). */
  nextBody?: () => string;
  headers?: Record<string, string>;
  /** Whether a 200's body is a success; by default, one without an `errors` member. */
  succeeded?: (body: string) => boolean;
}

export interface LoadResult {
  connections: number;
  seconds: number;
  /** Successful responses (200 without errors). */
  requests: number;
  rps: number;
  /** Null when no response came back within the measurement. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Non-200 responses, responses with an `errors` member (a non-200 one with errors counts in both), and connection errors or timeouts. */
  failures: { non200: number; graphqlErrors: number; transport: number };
}

/** The q-quantile of sorted values (nearest rank) in ms to two decimals; null for no values. */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return Math.round(value * 100) / 100;
}

/** What one stretch of load saw: every response's latency, the successes and the failures. */
export interface LoadRound {
  seconds: number;
  /** Latencies in ms of every response. */
  latencies: number[];
  /** Successful responses (200 without errors). */
  requests: number;
  failures: LoadResult["failures"];
}

/** One contender's rounds as one result: quantiles over all their responses, successes per second over their total time. */
export function mergeRounds(connections: number, rounds: LoadRound[]): LoadResult {
  const latencies = rounds.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const sum = (key: keyof LoadResult["failures"]) => rounds.reduce((total, r) => total + r.failures[key], 0);
  const requests = rounds.reduce((total, r) => total + r.requests, 0);
  return {
    connections,
    seconds,
    requests,
    rps: Math.round((requests / seconds) * 10) / 10,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    failures: { non200: sum("non200"), graphqlErrors: sum("graphqlErrors"), transport: sum("transport") },
  };
}

export async function runLoad(target: LoadTarget, connections: number, seconds: number): Promise<LoadResult> {
  return mergeRounds(connections, [await runRound(target, connections, seconds)]);
}

export function runRound(target: LoadTarget, connections: number, seconds: number): Promise<LoadRound> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let non200 = 0;
    const instance = autocannon(
      {
        url: target.url,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...target.headers },
        body: target.body,
        ...(target.nextBody && { requests: [{ setupRequest: (request) => ({ ...request, body: target.nextBody!() }) }] }),
        connections,
        duration: seconds,
        timeout: 60,
        // The end of `duration` is noticed at a sample; the default 1 s would stretch short runs to a second.
        sampleInt: 100,
        // A string test, not JSON.parse, keeps the generator's own cost per response small.
        verifyBody: target.succeeded ?? ((body) => !body.includes('"errors":')),
      },
      (error, result) => {
        if (error) return reject(error);
        const graphqlErrors = result.mismatches;
        const requests = Math.max(0, latencies.length - non200 - graphqlErrors);
        resolve({ seconds: result.duration, latencies, requests, failures: { non200, graphqlErrors, transport: result.errors + result.timeouts } });
      },
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status !== 200) non200 += 1;
    });
  });
}

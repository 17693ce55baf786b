/**
 * Steady load for the fault tests: `concurrency` clients, each sending its next request as soon
 * as the previous one is answered, every outcome recorded with when it started and ended.
 */

export interface Outcome {
  startedAt: number;
  endedAt: number;
  /** An answer with data and no errors. */
  ok: boolean;
  /** The first error's `extensions.code`, "HTTP <status>" without one, or "TRANSPORT" when no answer came. */
  code?: string;
  /** What the request returned when it was ok. */
  data?: Record<string, any>;
}

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  token?: string;
}

export async function send(url: string, request: GraphQLRequest): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      },
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: { code?: string } }[] };
    const ok = response.ok && !body.errors && body.data !== undefined;
    const code = ok ? undefined : (body.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`);
    return { startedAt, endedAt: Date.now(), ok, code, data: body.data };
  } catch {
    return { startedAt, endedAt: Date.now(), ok: false, code: "TRANSPORT" };
  }
}

export interface Load {
  outcomes: Outcome[];
  /** Stops sending and resolves once every client's last request is answered. */
  stop(): Promise<void>;
}

/** `next(i)` gives the i-th request (numbered across all clients). */
export function startLoad(
  url: string,
  concurrency: number,
  next: (i: number) => GraphQLRequest,
  onOutcome?: (request: GraphQLRequest, outcome: Outcome) => void,
): Load {
  const outcomes: Outcome[] = [];
  let running = true;
  let count = 0;
  const client = async () => {
    while (running) {
      const request = next(count++);
      const outcome = await send(url, request);
      outcomes.push(outcome);
      onOutcome?.(request, outcome);
      // A failed request is retried by a real client after a moment, not in a tight loop.
      if (!outcome.ok) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    outcomes,
    stop: async () => {
      running = false;
      await Promise.all(clients);
    },
  };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; resolves with the time it took, or null. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await sleep(everyMs);
  }
  return null;
}

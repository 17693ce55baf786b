/**
 * Live updates: the API's subscriptions over WebSocket (graphql-ws's protocol, on the same URL as
 * queries; docs/subscriptions.md). One client for the page load, connecting only once a page
 * subscribes and closing when none does, with the tab's credentials when signed in. Events sent while
 * the connection is down are not sent again, so a page reads its data again once it is back.
 */
import { createClient, type Client } from "graphql-ws";
import { useEffect, useRef } from "react";
import type { TypedDocumentString } from "./__generated__/graphql";
import { playgroundUrl } from "./api";
import { useBearerToken } from "./review/session";

/** The WebSocket URL of the GraphQL endpoint: same origin and path, ws: or wss: as the page is http: or https:. */
export function webSocketUrl(endpoint: string, base: string): string {
  const url = new URL(endpoint, base);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.href;
}

/** Waits a little longer after each failed attempt, never more than half a minute, so a long outage is not hammered. */
async function backOff(attempt: number): Promise<void> {
  const seconds = Math.min(30, 2 ** attempt);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000 + Math.random() * 1000));
}

/** The page load's one connection, and the token it was opened with. */
let current: { client: Client; token: string | null } | null = null;

/** What the subscribed pages read again when the connection is back after it was lost. */
const catchUps = new Set<() => void>();

/**
 * The connection for `token`. A sign-in or sign-out since the last one closes it: credentials go
 * in connection_init only, so a different token needs a new connection.
 */
function liveClient(token: string | null): Client {
  if (current?.token === token) return current.client;
  void current?.client.dispose();
  const client = createClient({
    url: webSocketUrl(playgroundUrl, window.location.href),
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    // A page stays open for hours: a service restart (1012) or a dropped network is waited out, however long.
    retryAttempts: Infinity,
    retryWait: backOff,
    // Also after a failed connection attempt (the service not back yet): a browser reports it as an error
    // event, not a close, which graphql-ws would otherwise not retry. Refusals (4401, 4400, …) still end it.
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) for (const catchUp of catchUps) catchUp();
      },
    },
  });
  current = { client, token };
  return client;
}

/**
 * Subscribes while the component is shown (and again when the variables or the tab's credentials
 * change), handing each event's data to `onEvent`. An event that carries errors still hands over
 * whatever data it has; a refused subscription (e.g. NOT_FOUND) simply delivers nothing. `catchUp`
 * runs each time the connection is back after it was lost (a service restart, a dropped network):
 * the page reads again what the events it missed meanwhile would have told it.
 */
export function useSubscription<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  onEvent: (data: TResult) => void,
  catchUp: () => void,
): void {
  // The latest handlers, so a re-render with new closures does not subscribe again.
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const catchUpHandler = useRef(catchUp);
  catchUpHandler.current = catchUp;
  // Variables are compared by value: callers pass fresh object literals on every render.
  const key = JSON.stringify(variables);
  const token = useBearerToken();
  useEffect(() => {
    const onReconnected = () => catchUpHandler.current();
    catchUps.add(onReconnected);
    // The operation's hash too, as over HTTP (api.ts): an API in allow-list mode runs its listed text by it.
    const hash: unknown = document.__meta__?.hash;
    const unsubscribe = liveClient(token).subscribe<TResult>(
      {
        query: document.toString(),
        variables: JSON.parse(key) as Record<string, unknown>,
        ...(typeof hash === "string" ? { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : {}),
      },
      {
        next: ({ data }) => {
          if (data) handler.current(data);
        },
        error: () => {},
        complete: () => {},
      },
    );
    return () => {
      catchUps.delete(onReconnected);
      unsubscribe();
    };
  }, [document, key, token]);
}

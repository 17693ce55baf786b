/**
 * Stopping the HTTP server without losing an answer. A request either runs and gets its whole
 * response, or is refused before anything of it runs:
 * - responses in flight finish, with `Connection: close` when their headers are not sent yet;
 * - a request that arrives afterwards on a connection opened before (keep-alive) is answered 503
 *   SHUTTING_DOWN with `Connection: close`, and nothing of it runs;
 * - idle keep-alive connections are not cut at once: the client may be sending on one at that
 *   moment, and a request the server reads off a socket it already closed runs without any way to
 *   answer. They close as they would anyway, at the keep-alive timeout (which clients that read
 *   the `Keep-Alive: timeout` hint beat by closing first), or with the refusal above;
 * - whatever is still open when the time allowed is up is closed.
 *
 * Apollo Server's drain plugin ends idle sockets at once, which is the race above (docs/decisions/0006-http-drain-and-body-cut-off.md).
 */
import http from "node:http";
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { sendGraphQLError } from "./errorResponse.js";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface Drain {
  /** `handler`, refusing requests once the drain has begun. */
  gate(handler: Handler): Handler;
  /** Stops accepting, lets responses in flight finish, and resolves when every connection is closed, or after `timeoutMs`, once the rest are closed. */
  drain(timeoutMs: number): Promise<void>;
}

export function drainable(server: http.Server): Drain {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  return {
    gate: (handler) => (req, res) => {
      if (draining) {
        refuse(req, res);
        return;
      }
      inFlight.add(res);
      res.once("close", () => inFlight.delete(res));
      handler(req, res);
    },
    async drain(timeoutMs) {
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader("Connection", "close");
      // http.Server's own close() also destroys idle keep-alive connections at once (the race above):
      // only the listening socket is closed here.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      const timer = new AbortController();
      const gaveUp = await Promise.race([closed.then(() => false), sleep(timeoutMs, true, { signal: timer.signal }).catch(() => false)]);
      timer.abort();
      if (gaveUp) {
        server.closeAllConnections();
        await closed;
      }
    },
  };
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader("Connection", "close");
  // The body is not read, only let through, so that closing the connection does not reset it before the client has the answer.
  req.resume();
  sendGraphQLError(req, res, 503, "The service is shutting down: this request was not run. Send it again (to another instance, or once the service is back).", {
    code: "SHUTTING_DOWN",
  });
}

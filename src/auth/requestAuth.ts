/**
 * Each request's credentials, read once by a hook at the start of the /graphql endpoint: the
 * rate limit and the context both need the caller, and a JWT's verification is asynchronous.
 */
import type { IncomingMessage } from "node:http";
import type { onRequestAsyncHookHandler } from "fastify";
import { authenticate, type AuthSettings, type AuthState } from "./credentials.js";

export function requestAuth(settings: AuthSettings) {
  const byRequest = new WeakMap<IncomingMessage, AuthState>();
  const hook: onRequestAsyncHookHandler = async (request) => {
    byRequest.set(request.raw, await authenticate(request.headers.authorization, settings));
  };
  /** The caller of a request the hook has seen; asking before that is a bug in the order of the hooks. */
  const of = (req: IncomingMessage): AuthState => {
    const auth = byRequest.get(req);
    if (!auth) throw new Error("The request's credentials were asked for before the authentication hook read them.");
    return auth;
  };
  return { hook, of };
}

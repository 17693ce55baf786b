/**
 * Each request's credentials, read once by a middleware at the start of the /graphql endpoint:
 * the rate limit and the context both need the caller, and a JWT's verification is asynchronous.
 */
import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import { authenticate, type AuthSettings, type AuthState } from "./credentials.js";

export function requestAuth(settings: AuthSettings) {
  const byRequest = new WeakMap<IncomingMessage, AuthState>();
  const middleware: RequestHandler = (req, _res, next) => {
    authenticate(req.headers.authorization, settings).then((auth) => {
      byRequest.set(req, auth);
      next();
    }, next);
  };
  /** The caller of a request the middleware has seen; asking before that is a bug in the order of the middleware. */
  const of = (req: IncomingMessage): AuthState => {
    const auth = byRequest.get(req);
    if (!auth) throw new Error("The request's credentials were asked for before the authentication middleware read them.");
    return auth;
  };
  return { middleware, of };
}

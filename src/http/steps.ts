/**
 * The `/graphql` endpoint runs on plain `node:http`, not through Express: Express's router and
 * the request/response objects it decorates cost about 0.3 ms of CPU per request, half of
 * what an empty query costs (see bench/RESULTS.md). Its steps keep the familiar
 * `(req, res, next)` shape, so body-parser's JSON parser is one of them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type GraphQLHttpRequest = IncomingMessage & { body?: unknown };

/** Calls `next()` to go on, `next(error)` to stop with an error, or answers the request itself. */
export type Step = (req: GraphQLHttpRequest, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Runs `steps` in order; `done` gets the error a step stopped with, or nothing when all went on. */
export function runSteps(steps: readonly Step[], req: GraphQLHttpRequest, res: ServerResponse, done: (error?: unknown) => void): void {
  let index = 0;
  const next = (error?: unknown) => {
    if (error !== undefined || index === steps.length) {
      done(error);
      return;
    }
    try {
      steps[index++]!(req, res, next);
    } catch (thrown) {
      done(thrown);
    }
  };
  next();
}

/**
 * GET /metrics in Prometheus's text format. With a token, only requests that bring it
 * (`Authorization: Bearer <token>`) get the figures; the others get 401.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync } from "fastify";
import type { Metrics } from "./metrics.js";

export function metricsRoute(metrics: Metrics, token: string | undefined): FastifyPluginAsync {
  return async (app) => {
    app.get("/metrics", async (request, reply) => {
      if (token !== undefined && !sameSecret(request.headers.authorization ?? "", `Bearer ${token}`)) {
        return reply
          .code(401)
          .header("WWW-Authenticate", 'Bearer realm="metrics"')
          .send({ error: "This endpoint needs Authorization: Bearer <METRICS_TOKEN>." });
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    });
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

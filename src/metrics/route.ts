/**
 * GET /metrics in Prometheus's text format. With a token, only requests that bring it
 * (`Authorization: Bearer <token>`) get the figures; the others get 401.
 */
import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import type { Metrics } from "./metrics.js";

export function metricsRoute(metrics: Metrics, token: string | undefined): Router {
  const router = Router();
  router.get("/metrics", async (req, res) => {
    if (token !== undefined && !sameSecret(req.headers.authorization ?? "", `Bearer ${token}`)) {
      res.status(401).setHeader("WWW-Authenticate", 'Bearer realm="metrics"').json({ error: "This endpoint needs Authorization: Bearer <METRICS_TOKEN>." });
      return;
    }
    res.setHeader("Content-Type", metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

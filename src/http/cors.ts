/**
 * CORS for the API: browsers on the allow-listed origins (by default the web app's Vite
 * dev server) may call it from another origin. Pages served by this service itself (the
 * Playground, the built web app) are same-origin and need none of this.
 */
import type { Step } from "./steps.js";

export function cors(allowedOrigins: readonly string[]): Step {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    const permitted = origin !== undefined && allowed.has(origin);
    // The answer depends on Origin, so caches must keep one per origin.
    res.setHeader("Vary", "Origin");
    // Without this header the browser keeps the response from the calling page; same-origin and non-browser clients never look at it.
    if (permitted) res.setHeader("Access-Control-Allow-Origin", origin);
    const preflight = req.method === "OPTIONS" && req.headers["access-control-request-method"] !== undefined;
    if (!preflight) {
      next();
      return;
    }
    // A preflight is answered here, not by GraphQL: what the real request may use, remembered for ten minutes.
    if (permitted) {
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      res.setHeader("Access-Control-Allow-Headers", req.headers["access-control-request-headers"] ?? "content-type");
      res.setHeader("Access-Control-Max-Age", "600");
    }
    res.statusCode = 204;
    res.end();
  };
}

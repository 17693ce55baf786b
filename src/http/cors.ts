/**
 * CORS for the API: browsers on the allow-listed origins (by default the web app's Vite
 * dev server) may call it from another origin. Pages served by this service itself (the
 * Playground, the built web app) are same-origin and need none of this.
 */
import corsMiddleware from "cors";

export function cors(allowedOrigins: readonly string[]) {
  return corsMiddleware({
    // Other origins get no Access-Control-Allow-Origin, so the browser keeps the answer from the calling page.
    origin: [...allowedOrigins],
    methods: ["GET", "POST", "OPTIONS"],
    // A preflight is answered here, not by GraphQL, and remembered for ten minutes.
    maxAge: 600,
  });
}

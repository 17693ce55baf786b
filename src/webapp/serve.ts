/** Serves the built web app (web/dist/) at "/", beside the API. */
import path from "node:path";
import express from "express";
import { webDistDir } from "./build.js";

export function webApp(): express.Router {
  const router = express.Router();
  router.use(
    express.static(webDistDir, {
      // Vite puts a content hash in every file name under assets/, so those never change; index.html is always revalidated.
      setHeaders: (res, file) =>
        res.setHeader("Cache-Control", file.startsWith(path.join(webDistDir, "assets") + path.sep) ? "public, max-age=31536000, immutable" : "no-cache"),
    }),
  );
  // Browsers that do not read index.html's icon link (or an address typed by hand) still ask for /favicon.ico.
  router.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  // Reached only when there is no build yet (it is git-ignored): say how to make one.
  router.get("/", (_req, res) => {
    res.status(503).type("text/plain").send("The web app is not built yet: run `npm run build:web` (npm start builds it). The API is at /graphql.");
  });
  return router;
}

/** Serves the built web app (web/dist/) at "/", beside the API. */
import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyPluginAsync } from "fastify";
import { webDistDir } from "./build.js";

export function webApp(): FastifyPluginAsync {
  return async (app) => {
    await app.register(fastifyStatic, {
      root: webDistDir,
      // Vite puts a content hash in every file name under assets/, so those never change; index.html is always revalidated.
      setHeaders: (reply, file) =>
        reply.header("Cache-Control", file.startsWith(path.join(webDistDir, "assets") + path.sep) ? "public, max-age=31536000, immutable" : "no-cache"),
    });
    // Browsers that do not read index.html's icon link (or an address typed by hand) still ask for /favicon.ico.
    app.get("/favicon.ico", (_request, reply) => reply.redirect("/favicon.svg", 301));
    app.get("/", (_request, reply) => {
      if (existsSync(path.join(webDistDir, "index.html"))) return reply.sendFile("index.html");
      // The build is git-ignored: say how to make one.
      return reply.code(503).type("text/plain").send("The web app is not built yet: run `npm run build:web` (npm start builds it). The API is at /graphql.");
    });
  };
}

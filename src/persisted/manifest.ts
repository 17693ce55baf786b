/**
 * The web app's operations, known in advance: `npm run codegen` writes them, by hash, to
 * web/src/__generated__/persisted-documents.json, so the app can send hashes from the first
 * request, and the allow-list mode runs only them (plugin.ts).
 */
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";

/** Where codegen writes the web app's operations: SHA-256 hex of the document → the document. */
export const manifestPath = path.join(projectRoot, "web/src/__generated__/persisted-documents.json");

/** The operations generated for the web app, by hash. */
export function loadManifest(file = manifestPath): Map<string, string> {
  const entries = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  return new Map(Object.entries(entries).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

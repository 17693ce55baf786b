/**
 * Builds the web app (web/ → web/dist/) with Vite when the build is missing or older than
 * its sources, so `npm start` (its prestart) and the browser tests always serve the current app.
 * Run directly (`npm run build:web`), it builds when stale; `--force` builds anyway.
 * The app is a package of its own (web/package.json, an npm workspace): Vite is its dependency,
 * not the service's, so it is resolved from there.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "../config.js";

export const webDir = path.join(projectRoot, "web");
export const webDistDir = path.join(webDir, "dist");
const builtIndex = path.join(webDistDir, "index.html");

/** What the build is made from: the app's own files, and the installed dependencies' versions. */
const buildInputs = [
  path.join(webDir, "src"),
  path.join(webDir, "public"),
  path.join(webDir, "index.html"),
  path.join(webDir, "vite.config.ts"),
  path.join(projectRoot, "package-lock.json"),
];

function newestModification(file: string): number {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((entry) => newestModification(path.join(file, entry))));
}

export function webBuildIsStale(): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  return Math.max(...buildInputs.map(newestModification)) > fs.statSync(builtIndex).mtimeMs;
}

/** The Vite a package (the web app's by default) builds with; throws saying how to install it when it is not installed. */
export function viteCommand(packageDir: string = webDir): string {
  try {
    return path.join(path.dirname(createRequire(path.join(packageDir, "package.json")).resolve("vite/package.json")), "bin", "vite.js");
  } catch {
    throw new Error(
      "Building the web app needs Vite, a dependency of web/package.json, and it is not installed: " +
        "run `npm ci` at the project root (it installs the web app's dependencies too).",
    );
  }
}

/** Runs the web package's `vite build`; throws with Vite's output when it fails. */
export function buildWeb(): void {
  const vite = viteCommand();
  try {
    // A production build whatever NODE_ENV the caller runs under (vitest sets "test", which Vite would honour).
    const env = { ...process.env, NODE_ENV: "production" };
    execFileSync(process.execPath, [vite, "build", "--mode", "production", "--logLevel", "warn"], {
      cwd: webDir,
      env,
      stdio: "pipe",
      encoding: "utf8",
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building the web app failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** Builds when stale; says whether it did. */
export function ensureWebBuild(): boolean {
  if (!webBuildIsStale()) return false;
  buildWeb();
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--help")) {
    console.log(
      "Usage: tsx src/webapp/build.ts [--force]\n\nBuilds the web app (web/) into web/dist/ with Vite when the build is missing or older than its sources;\n" +
        "--force builds anyway. `npm run build` runs it, and `npm start` runs the build first.",
    );
    process.exit(0);
  }
  try {
    const force = process.argv.includes("--force");
    if (force) buildWeb();
    const built = force || ensureWebBuild();
    console.log(`[meetgraph] Web app: ${built ? "built" : "up to date"} in ${path.relative(projectRoot, webDistDir)}/`);
  } catch (error) {
    console.error(`[meetgraph] ${(error as Error).message}`);
    process.exit(1);
  }
}

/**
 * Compiles src/ and the benchmark's servers into dist/ (tsconfig.build.json, same layout), which
 * `npm start` (its prestart), the tests that start the service and the benchmark run with plain
 * node. Under tsx, every `require` made while serving goes through its hooks and every stack
 * trace through source maps: Apollo Server requires `crypto` for each request and the driver
 * captures a stack for each query, which cost the service about 0.7 ms of CPU per request
 * (bench/RESULTS.md). `npm run dev` still runs the sources through tsx.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./config.js";

const distDir = path.join(projectRoot, "dist");

/** Where the compiled JavaScript of a source file (relative to the root, e.g. "src/main.ts") is. */
export function compiledPath(source: string): string {
  return path.join(distDir, source.replace(/\.ts$/, ".js"));
}

/** Runs tsc with tsconfig.build.json; throws with its output when it fails. */
export function compileService(): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(projectRoot, "tsconfig.build.json")], { cwd: projectRoot, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Compiling the service into dist/ failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--help")) {
    console.log("Usage: tsx src/compile.ts\n\nCompiles src/ and bench/servers/ into dist/ (tsconfig.build.json); `npm start` runs it first.");
    process.exit(0);
  }
  compileService();
  console.log(`[meetgraph] Service: compiled into ${path.relative(projectRoot, distDir)}/`);
}

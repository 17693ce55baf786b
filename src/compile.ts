/**
 * Compiles src/ into dist/ (tsconfig.build.json, same layout), which `npm start` (its prestart)
 * and the tests that start the service run with plain node; the benchmark compiles its servers
 * apart, into bench/dist/ (bench/tsconfig.servers.json), so nothing of it reaches dist/. Under tsx, every `require` made while serving goes through its hooks and every stack
 * trace through source maps: Apollo Server requires `crypto` for each request and the driver
 * captures a stack for each query, which cost the service about 0.7 ms of CPU per request
 * (bench/RESULTS.md). `npm run dev` still runs the sources through tsx.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./config.js";

/** What to compile: the service alone, or the benchmark's servers with the service they import. */
export type Build = "service" | "benchServers";

const builds: Record<Build, { project: string; outDir: string }> = {
  service: { project: "tsconfig.build.json", outDir: "dist" },
  benchServers: { project: "bench/tsconfig.servers.json", outDir: "bench/dist" },
};

/** Where the compiled JavaScript of a source file (relative to the root, e.g. "src/main.ts") is. */
export function compiledPath(source: string, build: Build = "service"): string {
  return path.join(projectRoot, builds[build].outDir, source.replace(/\.ts$/, ".js"));
}

/** Runs tsc on the build's project; throws with its output when it fails. */
export function compileService(build: Build = "service"): void {
  const { project, outDir } = builds[build];
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(projectRoot, project)], { cwd: projectRoot, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Compiling into ${outDir}/ failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--help")) {
    console.log("Usage: tsx src/compile.ts\n\nCompiles src/ into dist/ (tsconfig.build.json); `npm run build` runs it, and `npm start` runs the build first.");
    process.exit(0);
  }
  compileService();
  console.log(`[meetgraph] Service: compiled into ${builds.service.outDir}/`);
}

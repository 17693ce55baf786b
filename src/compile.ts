/**
 * Compiles src/ into dist/ (tsconfig.build.json, same layout), which `npm start` (its prestart)
 * and the tests that start the service run with plain node; only src/ (what production runs), so
 * the benchmark and the load test never reach dist/ (the benchmark compiles its servers with a
 * project of its own). Under tsx, every `require` made while serving goes through its hooks and
 * every stack trace through source maps: Apollo Server requires `crypto` for each request and the
 * driver captures a stack for each query, a cost measured in bench/RESULTS.md. `npm run dev`
 * still runs the sources through tsx.
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { projectRoot } from "./config.js";

/** A tsc project: its tsconfig and the directory its JavaScript goes to, both relative to the root. */
export interface TsProject {
  tsconfig: string;
  outDir: string;
}

/** The service alone: src/ into dist/, nothing of the benchmark or the load test. */
const service: TsProject = { tsconfig: "tsconfig.build.json", outDir: "dist" };

/** Where the compiled JavaScript of a source file (relative to the root, e.g. "src/main.ts") is. */
export function compiledPath(source: string, project: TsProject = service): string {
  return path.join(projectRoot, project.outDir, source.replace(/\.ts$/, ".js"));
}

/** Runs tsc on a project; throws with its output when it fails. */
export function compileProject(project: TsProject): void {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(projectRoot, project.tsconfig)], { cwd: projectRoot, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Compiling into ${project.outDir}/ failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

/** Compiles the service into dist/. */
export const compileService = () => compileProject(service);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes("--help")) {
    console.log("Usage: tsx src/compile.ts\n\nCompiles src/ into dist/ (tsconfig.build.json); `npm run build` runs it, and `npm start` runs the build first.");
    process.exit(0);
  }
  compileService();
  console.log(`[meetgraph] Service: compiled into ${service.outDir}/`);
}

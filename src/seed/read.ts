/** Reads the seed graph's files from a directory and validates them (src/seed/validate.ts). */
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";
import { SEED_FILE_NAMES, type SeedFileName, type SeedGraph } from "./files.js";
import { SeedValidationError, validateSeedGraph, type SeedProblem } from "./validate.js";

/** The curated seed graph the project ships. */
export const defaultSeedDir = path.join(projectRoot, "seed", "data");

/** Reads seed/data-style directory `dir` (countries.json … statements.json) and validates it. */
export function readSeedDir(dir: string): SeedGraph {
  const problems: SeedProblem[] = [];
  const files = {} as Record<SeedFileName, unknown>;
  for (const name of SEED_FILE_NAMES) {
    const file = `${name}.json`;
    let contents: string;
    try {
      contents = fs.readFileSync(path.join(dir, file), "utf8");
    } catch (error) {
      problems.push({ file, entry: "(file)", message: `cannot read ${path.join(dir, file)}: ${(error as Error).message}` });
      files[name] = [];
      continue;
    }
    try {
      files[name] = JSON.parse(contents) as unknown;
    } catch (error) {
      problems.push({ file, entry: "(file)", message: `not valid JSON: ${(error as Error).message}` });
      files[name] = [];
    }
  }
  // A missing or unparsable file would make every reference into it dangle: report only that.
  if (problems.length > 0) throw new SeedValidationError(problems);
  return validateSeedGraph(files);
}

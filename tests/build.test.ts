/**
 * What `npm run build` compiles for `npm start`: the service alone. The benchmark's servers and the
 * load test compile on their own, so none of their code (or what only they import) reaches dist/.
 */
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";

/** The project's own files tsc compiles for a tsconfig, imports followed: what its build emits. */
function compiledSources(tsconfig: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(projectRoot, tsconfig),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (config === undefined) throw new Error(`cannot read ${tsconfig}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, noEmit: true } });
  return program
    .getSourceFiles()
    .map((file) => path.relative(projectRoot, file.fileName))
    .filter((file) => !file.startsWith("node_modules") && !file.startsWith(".."));
}

describe("npm run build", () => {
  it("compiles src/ and nothing of the benchmark or the load test", () => {
    const sources = compiledSources("tsconfig.build.json");
    expect(sources).toContain(path.join("src", "main.ts"));
    expect(sources.filter((file) => !file.startsWith(`src${path.sep}`))).toEqual([]);
  });
});

/**
 * What `npm run build` compiles for `npm start`: the service alone. The benchmark's servers and the
 * load test compile on their own, so none of their code (or what only they import) reaches dist/.
 * The web app is a package of its own (web/, an npm workspace), so the service's dependencies are
 * the service's.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { viteCommand } from "../src/webapp/build.js";

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

interface PackageJson {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  workspaces?: string[];
}

function packageJson(dir: string): PackageJson {
  return JSON.parse(fs.readFileSync(path.join(projectRoot, dir, "package.json"), "utf8")) as PackageJson;
}

/** The package a module specifier names ("react-dom/client" → "react-dom"), or undefined for a file or a Node module. */
function packageName(specifier: string): string | undefined {
  if (specifier.startsWith(".") || specifier.startsWith("node:") || builtinModules.includes(specifier)) return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The TypeScript files under a folder of the project (or the file itself). */
function typescriptFiles(relative: string): string[] {
  const full = path.join(projectRoot, relative);
  if (fs.statSync(full).isFile()) return [full];
  return fs
    .readdirSync(full, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(full, file));
}

/** The packages some files import, split into those whose code is imported and those only whose types are. */
function importedPackages(files: string[]): { code: Set<string>; typesOnly: Set<string> } {
  const code = new Set<string>();
  const types = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    for (const reference of source.typeReferenceDirectives) types.add(reference.fileName);
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
      if (statement.moduleSpecifier === undefined || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const typeOnly = ts.isImportDeclaration(statement) ? (statement.importClause?.isTypeOnly ?? false) : statement.isTypeOnly;
      (typeOnly ? types : code).add(statement.moduleSpecifier.text);
    }
  }
  const names = (specifiers: Set<string>) => new Set([...specifiers].map(packageName).filter((name) => name !== undefined));
  const codePackages = names(code);
  return { code: codePackages, typesOnly: new Set([...names(types)].filter((name) => !codePackages.has(name))) };
}

/** What the web app's build reads: its sources and Vite's config. */
const webImports = () => importedPackages([...typescriptFiles("web/src"), ...typescriptFiles("web/vite.config.ts")]);

describe("npm run build", () => {
  it("compiles src/ and nothing of the benchmark or the load test", () => {
    const sources = compiledSources("tsconfig.build.json");
    expect(sources).toContain(path.join("src", "main.ts"));
    expect(sources.filter((file) => !file.startsWith(`src${path.sep}`))).toEqual([]);
  });
});

describe("the web app, a package of its own (web/package.json, a workspace of the root package)", () => {
  it("is one of the root package's workspaces, so `npm ci` at the root installs its dependencies", () => {
    expect(packageJson(".").workspaces).toEqual(["web"]);
  });

  it("lists in its `dependencies` everything its build bundles or runs, so a production install (`npm ci --omit=dev`) still builds it", () => {
    const { code } = webImports();
    expect(code).toContain("react");
    expect(code).toContain("vite");
    expect([...code].filter((name) => packageJson("web").dependencies?.[name] === undefined)).toEqual([]);
  });

  it("lists the packages it imports only types from among its own dependencies", () => {
    const { typesOnly } = webImports();
    const web = packageJson("web");
    const listed = (name: string) => web.dependencies?.[name] ?? web.devDependencies?.[name];
    expect(typesOnly).toContain("@graphql-typed-document-node/core");
    expect([...typesOnly].filter((name) => listed(name) === undefined)).toEqual([]);
  });

  it("leaves the service's dependencies to the service: none of them is a package only the web app imports", () => {
    const { code, typesOnly } = webImports();
    const service = importedPackages(typescriptFiles("src"));
    const webOnly = [...code, ...typesOnly].filter((name) => !service.code.has(name) && !service.typesOnly.has(name));
    const root = packageJson(".");
    const inRoot = (name: string) => root.dependencies?.[name] ?? root.devDependencies?.[name];
    expect(webOnly).toContain("react");
    expect(webOnly.filter((name) => inRoot(name) !== undefined)).toEqual([]);
  });

  it("builds with the Vite its package installs, and says how to install Vite when it is missing", () => {
    expect(fs.existsSync(viteCommand())).toBe(true);
    const withoutVite = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-no-vite-"));
    try {
      fs.writeFileSync(path.join(withoutVite, "package.json"), JSON.stringify({ name: "no-vite", private: true }));
      expect(() => viteCommand(withoutVite)).toThrow("run `npm ci` at the project root");
    } finally {
      fs.rmSync(withoutVite, { recursive: true });
    }
  });
});

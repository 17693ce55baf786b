/**
 * The local Neo4j Community server the project runs for itself when NEO4J_URI is unset:
 * jars from Maven Central (neo4j/pom.xml), launched embedded by neo4j/.../Neo4jLauncher.java.
 *
 * State lives in the data directory: `meetgraph-neo4j.json` (pid and port of the running
 * server), `neo4j.out` (its console output), `password` (generated on first use).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseSize, projectRoot } from "../config.js";
import { explainListenError } from "../http/portInUse.js";
import { UserFacingError } from "../script.js";

const neo4jDir = path.join(projectRoot, "neo4j");
/** The Neo4j jars: the server's, and its admin tool's (the batch importer, src/seed/csvImport.ts). */
export const libDir = path.join(neo4jDir, "lib");
const classesDir = path.join(neo4jDir, "target", "classes");
const pluginsDir = path.join(neo4jDir, "plugins");
const stampFile = path.join(libDir, ".meetgraph-stamp");
const launcherSource = path.join(neo4jDir, "src/main/java/meetgraph/Neo4jLauncher.java");

export class LocalNeo4jError extends UserFacingError {}

export interface LocalNeo4jOptions {
  dataDir: string;
  boltPort: number;
  password: string;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
  progress?: (message: string) => void;
}

export interface LocalNeo4jHandle {
  uri: string;
  pid: number;
  /** False when a server started earlier (e.g. by `npm run db:start`) was reused: then it is not ours to stop. */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface RunState {
  pid: number;
  boltPort: number;
  startedAt: string;
}

export type LocalNeo4jStatus =
  { state: "running"; pid: number; boltPort: number; uri: string; startedAt: string } | { state: "stopped" } | { state: "stale"; pid: number };

const stateFile = (dataDir: string) => path.join(dataDir, "meetgraph-neo4j.json");
const outputFile = (dataDir: string) => path.join(dataDir, "neo4j.out");
const passwordFile = (dataDir: string) => path.join(dataDir, "password");

function commandWorks(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

/** Fetches the Neo4j jars and compiles the launcher once; again only when the pom or launcher changes. */
export function ensureNeo4jJars(progress: (message: string) => void = () => {}): void {
  const stamp = createHash("sha256")
    .update(fs.readFileSync(path.join(neo4jDir, "pom.xml")))
    .update(fs.readFileSync(launcherSource))
    .digest("hex");
  const current = fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp;
  if (current && fs.existsSync(path.join(classesDir, "meetgraph", "Neo4jLauncher.class"))) return;

  if (!commandWorks("java", ["-version"])) {
    throw new LocalNeo4jError(
      "Java 17 or newer is needed to run the local Neo4j, and `java` was not found. Install a JDK (e.g. `apt-get install openjdk-17-jdk-headless`), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  if (!commandWorks("mvn", ["-v"])) {
    throw new LocalNeo4jError(
      "Maven is needed once to fetch Neo4j from Maven Central, and `mvn` was not found. Install it (e.g. `apt-get install maven`), or set NEO4J_URI to use an existing Neo4j.",
    );
  }
  progress("Fetching Neo4j Community from Maven Central into neo4j/lib (first run only, about 120 MB)...");
  const started = Date.now();
  // Maven's own output (colour codes even with -q) is shown only when it fails.
  const result = spawnSync("mvn", ["-B", "-q", "-f", path.join(neo4jDir, "pom.xml"), "package", "dependency:copy-dependencies"], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new LocalNeo4jError(
      `Maven could not fetch Neo4j:\n${tail(`${result.stdout}${result.stderr}`, 30)}\nCheck that Maven Central is reachable, then run \`npm run db:start\` again.`,
    );
  }
  fs.writeFileSync(stampFile, stamp);
  progress(`Neo4j jars ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** NEO4J_PASSWORD when given; otherwise a generated one kept in the (git-ignored) data directory. */
export function localPassword(dataDir: string, fromEnv: string | undefined, progress: (message: string) => void = () => {}): string {
  if (fromEnv) return fromEnv;
  const file = passwordFile(dataDir);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const generated = randomBytes(18).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, generated, { mode: 0o600 });
  progress(`Generated a password for the local Neo4j (user neo4j): ${generated}  (kept in ${file})`);
  return generated;
}

function processIsNeo4jLauncher(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // Guard against pid reuse: the pid must still be our launcher.
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("meetgraph.Neo4jLauncher");
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

export function localNeo4jStatus(dataDir: string): LocalNeo4jStatus {
  const file = stateFile(dataDir);
  if (!fs.existsSync(file)) return { state: "stopped" };
  const run = JSON.parse(fs.readFileSync(file, "utf8")) as RunState;
  if (!processIsNeo4jLauncher(run.pid)) return { state: "stale", pid: run.pid };
  return { state: "running", pid: run.pid, boltPort: run.boltPort, uri: boltUri(run.boltPort), startedAt: run.startedAt };
}

/** Listens on `port` of 127.0.0.1 and closes again at once: the port that was free (0 picks one). */
function listenBriefly(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/** A port free on 127.0.0.1 right now, for a throw-away server (tests, benchmarks). */
export const freePort = () => listenBriefly(0);

const boltUri = (port: number) => `bolt://127.0.0.1:${port}`;

/** Starts the server in the background (its own process group), or reuses the one already running. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4jHandle> {
  const progress = options.progress ?? (() => {});
  const { dataDir } = options;
  const status = localNeo4jStatus(dataDir);
  if (status.state === "running") {
    progress(`Using the local Neo4j already running (pid ${status.pid}) at ${status.uri}.`);
    return { uri: status.uri, pid: status.pid, startedHere: false, stop: async () => {} };
  }
  if (status.state === "stale") {
    progress(`A previous local Neo4j (pid ${status.pid}) did not shut down cleanly; starting a new one.`);
    fs.rmSync(stateFile(dataDir));
  }

  // Found out here, in one line, rather than after a JVM has started.
  await listenBriefly(options.boltPort).catch((error: unknown) => {
    throw explainListenError(error, options.boltPort, "127.0.0.1", "NEO4J_BOLT_PORT");
  });
  ensureNeo4jJars(progress);
  fs.mkdirSync(dataDir, { recursive: true });
  const out = outputFile(dataDir);
  const fd = fs.openSync(out, "w");
  const child = spawn(
    "java",
    [
      `-Xms${options.heap}`,
      `-Xmx${options.heap}`,
      "-XX:+UseG1GC",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-cp",
      `${classesDir}${path.delimiter}${path.join(libDir, "*")}`,
      "meetgraph.Neo4jLauncher",
      "--data-dir",
      dataDir,
      "--bolt-port",
      String(options.boltPort),
      "--page-cache",
      String(parseSize(options.pageCache)),
      "--plugins-dir",
      pluginsDir,
    ],
    { detached: true, stdio: ["ignore", fd, fd], env: { ...process.env, NEO4J_PASSWORD: options.password } },
  );
  fs.closeSync(fd);
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new LocalNeo4jError("Could not start `java`. Is Java 17+ installed and on PATH?");
  progress(`Starting Neo4j Community (pid ${pid}, data in ${dataDir})...`);

  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + options.startTimeoutMs;
  while (Date.now() < deadline) {
    const text = fs.readFileSync(out, "utf8");
    if (text.includes("MEETGRAPH_NEO4J_READY")) {
      const run: RunState = { pid, boltPort: options.boltPort, startedAt: new Date().toISOString() };
      fs.writeFileSync(stateFile(dataDir), JSON.stringify(run, null, 2));
      return { uri: boltUri(options.boltPort), pid, startedHere: true, stop: () => stopLocalNeo4j(dataDir) };
    }
    const error = /MEETGRAPH_NEO4J_ERROR (.*)/.exec(text);
    if (error) throw new LocalNeo4jError(`Neo4j could not start: ${error[1]}`);
    if (exited) throw new LocalNeo4jError(`Neo4j exited during start-up. Its last output (${out}):\n${tail(text)}`);
    await sleep(200);
  }
  process.kill(pid, "SIGKILL");
  throw new LocalNeo4jError(
    `Neo4j did not become ready within ${options.startTimeoutMs / 1000} s (raise NEO4J_START_TIMEOUT_MS on a slow machine). Its output is in ${out}.`,
  );
}

/** SIGTERM lets the launcher's shutdown hook close the store cleanly; SIGKILL only if that hangs. */
export async function stopLocalNeo4j(dataDir: string, timeoutMs = 60_000): Promise<void> {
  const status = localNeo4jStatus(dataDir);
  if (status.state === "stopped") return;
  if (status.state === "running") {
    process.kill(status.pid, "SIGTERM");
    const deadline = Date.now() + timeoutMs;
    while (processIsNeo4jLauncher(status.pid) && Date.now() < deadline) await sleep(100);
    if (processIsNeo4jLauncher(status.pid)) process.kill(status.pid, "SIGKILL");
  }
  fs.rmSync(stateFile(dataDir), { force: true });
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

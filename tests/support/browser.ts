/**
 * A real browser for end-to-end tests: Debian's Chromium (never a downloaded one) driven by
 * playwright-core, with a fresh profile per test file. Nothing may leave the machine: a
 * request to any host other than localhost is blocked and fails the test, and so does an
 * uncaught error in a page.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { projectRoot } from "../../src/config.js";

/** Installed by `apt-get install chromium` (.ci/run does it when missing). */
export const chromiumPath = "/usr/bin/chromium";

const launchFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const localHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Screenshots land here (git-ignored), for a person to look at after a run. */
export const artifactsDir = path.join(projectRoot, "test-artifacts");

/** True for anything that does not go over the network (data:, blob:, about:) and for this machine. */
export function staysLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return !["http:", "https:", "ws:", "wss:"].includes(protocol) || localHosts.has(hostname);
}

export interface TestBrowser {
  /** A new tab in the file's browser. */
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot as test-artifacts/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
}

/** Call at the top of a test file: launches Chromium before its tests and closes it after. */
export function useBrowser(): TestBrowser {
  let context: BrowserContext | undefined;
  let profileDir = "";
  const offsite: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), "meetgraph-chromium-"));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath,
      headless: true,
      args: launchFlags,
      viewport: { width: 1280, height: 900 },
    });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (staysLocal(url)) return route.continue();
      offsite.push(url);
      return route.abort("blockedbyclient");
    });
    // WebSockets bypass routing, so they are checked as they open.
    context.on("page", (page) => {
      page.on("websocket", (socket) => {
        if (!staysLocal(socket.url())) offsite.push(socket.url());
      });
      page.on("pageerror", (error) => pageErrors.push(error.message));
    });
  });

  afterEach(() => {
    const requests = offsite.splice(0);
    const errors = pageErrors.splice(0);
    expect(requests, "requests to hosts other than localhost").toEqual([]);
    expect(errors, "uncaught errors in the page").toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  });

  return {
    async newPage() {
      if (!context) throw new Error("The browser is not running: call useBrowser() at the top of the test file.");
      const page = await context.newPage();
      // Playwright's 30 s default is tight on a busy 2-core machine running Neo4j and other test files.
      page.setDefaultTimeout(60_000);
      return page;
    },
    async screenshot(page, name) {
      fs.mkdirSync(artifactsDir, { recursive: true });
      const file = path.join(artifactsDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
  };
}

/**
 * Issue 23 in the web app: a meeting page and a review page follow what curators commit elsewhere
 * (here, through the HTTP API as another curator) without reloading, over the API's subscriptions
 * with the tab's credentials. Reads require a key in this file, so a page that did not send its
 * token over the WebSocket would hear nothing.
 */
import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { createLogger } from "../src/logger.js";
import { createServer } from "../src/server.js";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";
import { testId } from "./support/curation.js";
import { ACCEPT, cleanUpArticlesAfterAll, ERRORS, storeMeetingArticle } from "./support/proposals.js";
import { untilListening } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
/** The curator reading the page, and the other curator whose writes the page should follow. */
const READER = "web-live-reader-secret-key";
const OTHER = "web-live-other-curator-key";
const settings = { READS_REQUIRE_AUTH: true, API_KEYS: [parseApiKey(`rosa:write:${sha256(READER)}`), parseApiKey(`otto:write:${sha256(OTHER)}`)] };
const api = useApi(settings);
cleanUpArticlesAfterAll(api);
const browser = useBrowser();
/** The page follows the API's events; on a busy machine they take a while. */
const patiently = { timeout: 30_000 };

/** Sends a mutation as the other curator, to the file's service or to `url`. */
async function write(query: string, variables: Record<string, unknown>, url = api.url) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${OTHER}` }, body: JSON.stringify({ query, variables }) });
  const res = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(res.errors).toBeUndefined();
  const payload = Object.values(res.data!)[0] as { errors: unknown[] } & Record<string, any>;
  expect(payload.errors).toEqual([]);
  return payload;
}

/** The test's tab, closed after it (pass or fail) so the next test starts with no subscription. */
let openTab: Page | undefined;
afterEach(async () => {
  await openTab?.close();
  openTab = undefined;
  await untilListening(api, 0);
});

/** A tab signed in as the reader (its session token, as the review page's sign-in keeps it), showing `route`. */
async function openSignedIn(route: string): Promise<Page> {
  const page = await browser.newPage();
  openTab = page;
  await page.goto(new URL("/", api.url).href);
  await page.evaluate(`sessionStorage.setItem("meetgraph.bearerToken", ${JSON.stringify(READER)})`);
  await page.goto(new URL(`/#/${route}`, api.url).href);
  return page;
}

/** A second service of the file's own on `port` (0: a free one), to stop and start again under an open page. */
async function startService(port: number) {
  const driver = createDriver(inject("neo4j"));
  const db = new Neo4jExecutor(driver, { database: inject("neo4j").database, queryTimeoutMs: 30_000 });
  const server = await createServer({ config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000, ...settings }, db, logger: createLogger("silent") });
  const listening = await server.listen(port, "127.0.0.1");
  return {
    server,
    port: listening,
    stop: async () => {
      await server.stop();
      await driver.close();
    },
  };
}

/** Marks the document, so the test can tell later that the page was not loaded again. */
const markDocument = (page: Page) => page.evaluate("window.notReloaded = true");
const stillSameDocument = (page: Page) => page.evaluate("window.notReloaded === true");

beforeAll(() => {
  ensureWebBuild();
});

describe("live updates in the web app", { timeout: 180_000 }, () => {
  it("a meeting page shows a claim that another curator attached, with a note saying so, without reloading", async () => {
    const meetingId = testId("meeting");
    await write(`mutation($input: MeetingInput!) { createMeeting(input: $input) { ${ERRORS} } }`, {
      input: {
        id: meetingId,
        kind: "talks",
        title: "[test] Live meeting",
        date: "2025-06-01",
        participants: [{ personId: "steve-witkoff", sources: [{ sourceId: "dawat-004", excerpt: "[test] attended" }] }],
        claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
      },
    });
    const page = await openSignedIn(`meeting/${meetingId}`);
    await page.getByRole("heading", { name: "[test] Live meeting" }).waitFor(patiently);
    await untilListening(api, 1);
    await markDocument(page);
    expect(await page.locator(".live-note").count()).toBe(0);

    const attached = await write(`mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { claims { id field value } } ${ERRORS} } }`, {
      input: { meetingId, claims: [{ field: "wait", value: "45", sourceId: "dawat-004", excerpt: "[test] kept waiting for 45 minutes" }] },
    });
    const claim = attached.meeting.claims.find((c: { field: string }) => c.field === "wait");
    await page.locator(`[data-claim-id="${claim.id}"]`).first().waitFor(patiently);
    expect(await page.locator(".live-note").innerText()).toMatch(/^Updated live at .+: a claim was attached by otto\.$/);
    expect(await stillSameDocument(page)).toBe(true);
    await browser.screenshot(page, "web-live-meeting");
  });

  it("a review page shows another curator's decision on a proposal, with a note saying so, without reloading", async () => {
    const { sourceId, proposals } = await storeMeetingArticle(api, OTHER);
    const page = await openSignedIn(`review/${sourceId}`);
    const card = page.locator(`li.proposal[data-proposal-id="${proposals.person}"]`);
    await card.waitFor(patiently);
    expect(await card.getAttribute("data-status")).toBe("PENDING");
    await untilListening(api, 1);
    await markDocument(page);

    await write(ACCEPT, { ids: [proposals.person] });
    await expect.poll(() => card.getAttribute("data-status"), patiently).toBe("ACCEPTED");
    expect(await card.innerText()).toContain("accepted by otto");
    expect(await page.locator(".live-note").innerText()).toMatch(/^Updated live at .+: a proposal was accepted by otto\.$/);
    expect(await page.locator(".review-counts").innerText()).toContain("1 accepted");
    expect(await stillSameDocument(page)).toBe(true);
    await browser.screenshot(page, "web-live-review");
  });

  it("a meeting page keeps following its meeting across a service restart (close code 1012), without reloading", async () => {
    const meetingId = testId("meeting");
    await write(`mutation($input: MeetingInput!) { createMeeting(input: $input) { ${ERRORS} } }`, {
      input: { id: meetingId, kind: "talks", title: "[test] Meeting across a restart", date: "2025-06-02", claims: [{ field: "date", value: "2025-06-02", sourceId: "dawat-004", excerpt: "[test] on 2 June" }] },
    });
    let service = await startService(0);
    const { port } = service;
    try {
      const page = await browser.newPage();
      openTab = page;
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(`sessionStorage.setItem("meetgraph.bearerToken", ${JSON.stringify(READER)})`);
      await page.goto(`http://127.0.0.1:${port}/#/meeting/${meetingId}`);
      await page.getByRole("heading", { name: "[test] Meeting across a restart" }).waitFor(patiently);
      await untilListening({ server: service.server }, 1);
      await markDocument(page);

      await service.stop();
      service = await startService(port);
      await untilListening({ server: service.server }, 1);
      // Events are the instance's own (no Redis here): the write goes through the restarted service.
      const attached = await write(
        `mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { claims { id field } } ${ERRORS} } }`,
        { input: { meetingId, claims: [{ field: "wait", value: "20", sourceId: "dawat-004", excerpt: "[test] kept waiting for 20 minutes" }] } },
        `http://127.0.0.1:${port}/graphql`,
      );
      const claim = attached.meeting.claims.find((c: { field: string }) => c.field === "wait");
      await page.locator(`[data-claim-id="${claim.id}"]`).first().waitFor(patiently);
      expect(await page.locator(".live-note").innerText()).toMatch(/: a claim was attached by otto\.$/);
      expect(await stillSameDocument(page)).toBe(true);
    } finally {
      await service.stop();
    }
  });
});

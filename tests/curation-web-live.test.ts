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
import type { Config } from "../src/config.js";
import { createDriver } from "../src/db/connect.js";
import { Neo4jExecutor } from "../src/db/executor.js";
import { loadManifest } from "../src/persisted/manifest.js";
import { createLogger } from "../src/logger.js";
import { createServer } from "../src/server.js";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";
import { testId } from "./support/curation.js";
import { ACCEPT, cleanUpArticlesAfterAll, ERRORS, storeMeetingArticle } from "./support/proposals.js";
import { connect, subscribe, untilListening } from "./support/subscriptions.js";

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
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${OTHER}` },
    body: JSON.stringify({ query, variables }),
  });
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

/** A second service of the file's own on `port` (0: a free one), to stop and start again under an open page; `config` adds to the file's settings. */
async function startService(port: number, config: Partial<Config> = {}) {
  const driver = createDriver(inject("neo4j"));
  const db = new Neo4jExecutor(driver, { database: inject("neo4j").database, queryTimeoutMs: 30_000 });
  const server = await createServer({
    config: { NODE_ENV: "test", HTTP_KEEP_ALIVE_TIMEOUT_MS: 1_000, ...settings, ...config },
    db,
    logger: createLogger("silent"),
  });
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

/** A tab signed in as the reader on the service at `port`, showing `route`. */
async function openSignedInAt(port: number, route: string): Promise<Page> {
  const page = await browser.newPage();
  openTab = page;
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(`sessionStorage.setItem("meetgraph.bearerToken", ${JSON.stringify(READER)})`);
  await page.goto(`http://127.0.0.1:${port}/#/${route}`);
  return page;
}

/**
 * Stops the page's service, lets `meanwhile` write through the file's other service (whose events the
 * page cannot hear: no Redis here), and starts the page's service again on its port.
 */
async function restartAround(service: Awaited<ReturnType<typeof startService>>, meanwhile: () => Promise<unknown>) {
  await service.stop();
  await meanwhile();
  const restarted = await startService(service.port);
  await untilListening({ server: restarted.server }, 1);
  return restarted;
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
      input: {
        id: meetingId,
        kind: "talks",
        title: "[test] Meeting across a restart",
        date: "2025-06-02",
        claims: [{ field: "date", value: "2025-06-02", sourceId: "dawat-004", excerpt: "[test] on 2 June" }],
      },
    });
    let service = await startService(0);
    const { port } = service;
    try {
      const page = await openSignedInAt(port, `meeting/${meetingId}`);
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

  it("a meeting page shows a claim attached while its connection was down, once it reconnects, without reloading", async () => {
    const meetingId = testId("meeting");
    await write(`mutation($input: MeetingInput!) { createMeeting(input: $input) { ${ERRORS} } }`, {
      input: {
        id: meetingId,
        kind: "talks",
        title: "[test] Meeting missed while away",
        date: "2025-06-03",
        claims: [{ field: "date", value: "2025-06-03", sourceId: "dawat-004", excerpt: "[test] on 3 June" }],
      },
    });
    let service = await startService(0);
    try {
      const page = await openSignedInAt(service.port, `meeting/${meetingId}`);
      await page.getByRole("heading", { name: "[test] Meeting missed while away" }).waitFor(patiently);
      await untilListening({ server: service.server }, 1);
      await markDocument(page);

      let claimId = "";
      service = await restartAround(service, async () => {
        const attached = await write(`mutation($input: AttachClaimsInput!) { attachClaims(input: $input) { meeting { claims { id field } } ${ERRORS} } }`, {
          input: { meetingId, claims: [{ field: "wait", value: "35", sourceId: "dawat-004", excerpt: "[test] kept waiting for 35 minutes" }] },
        });
        claimId = attached.meeting.claims.find((c: { field: string }) => c.field === "wait").id;
      });
      await page.locator(`[data-claim-id="${claimId}"]`).first().waitFor(patiently);
      expect(await stillSameDocument(page)).toBe(true);
    } finally {
      await service.stop();
    }
  });

  it("a review page shows a decision taken while its connection was down, once it reconnects, without reloading", async () => {
    const { sourceId, proposals } = await storeMeetingArticle(api, OTHER);
    let service = await startService(0);
    try {
      const page = await openSignedInAt(service.port, `review/${sourceId}`);
      const card = page.locator(`li.proposal[data-proposal-id="${proposals.person}"]`);
      await card.waitFor(patiently);
      expect(await card.getAttribute("data-status")).toBe("PENDING");
      await untilListening({ server: service.server }, 1);
      await markDocument(page);

      service = await restartAround(service, () => write(ACCEPT, { ids: [proposals.person] }));
      await expect.poll(() => card.getAttribute("data-status"), patiently).toBe("ACCEPTED");
      expect(await page.locator(".review-counts").innerText()).toContain("1 accepted");
      expect(await stillSameDocument(page)).toBe(true);
    } finally {
      await service.stop();
    }
  });
});

describe("live updates in the web app with the persisted-query allow-list (only the web app's operations run)", { timeout: 180_000 }, () => {
  /** The web app's own operation named `name`, as codegen registered it: its hash and text. */
  const webAppOperation = (name: string) => {
    const found = [...loadManifest()].find(([, document]) => document.includes(`${name}(`) || document.includes(`${name} `));
    if (!found) throw new Error(`The web app has no operation ${name}: run npm run codegen`);
    return { hash: found[0], document: found[1] };
  };
  /** Accepts proposals on `url` as the web app does: its AcceptProposals operation, by hash alone. */
  async function acceptAsTheWebApp(url: string, ids: string[]) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${OTHER}` },
      body: JSON.stringify({
        variables: { ids },
        extensions: { persistedQuery: { version: 1, sha256Hash: webAppOperation("mutation AcceptProposals").hash } },
      }),
    });
    const res = (await response.json()) as { data?: { acceptProposals: { errors: unknown[] } }; errors?: unknown[] };
    expect(res.errors).toBeUndefined();
    expect(res.data!.acceptProposals.errors).toEqual([]);
  }

  it("a meeting page and a review page follow a decision taken through the web app's own mutation", async () => {
    const { sourceId, proposals } = await storeMeetingArticle(api, OTHER);
    const accepted = await write(ACCEPT, { ids: [proposals.person, proposals.place, proposals.meeting] });
    const meetingId = accepted.proposals.find((p: { id: string }) => p.id === proposals.meeting).became;
    const service = await startService(0, { PERSISTED_QUERIES: "allowlist" });
    try {
      const page = await openSignedInAt(service.port, `meeting/${meetingId}`);
      await page.getByRole("heading", { name: "Alice Testova and Steve Witkoff at the Birch Lodge" }).waitFor(patiently);
      await untilListening({ server: service.server }, 1);
      await markDocument(page);

      await acceptAsTheWebApp(`http://127.0.0.1:${service.port}/graphql`, [proposals.duration]);
      await expect.poll(() => page.locator(".meeting-duration").innerText(), patiently).toContain("about three hours");
      expect(await stillSameDocument(page)).toBe(true);

      await page.close();
      await untilListening({ server: service.server }, 0);
      const review = await openSignedInAt(service.port, `review/${sourceId}`);
      const card = review.locator(`li.proposal[data-proposal-id="${proposals.quote}"]`);
      await card.waitFor(patiently);
      await untilListening({ server: service.server }, 1);
      await markDocument(review);
      await acceptAsTheWebApp(`http://127.0.0.1:${service.port}/graphql`, [proposals.quote]);
      await expect.poll(() => card.getAttribute("data-status"), patiently).toBe("ACCEPTED");
      expect(await stillSameDocument(review)).toBe(true);
    } finally {
      await openTab?.close();
      openTab = undefined;
      await service.stop();
    }
  });

  it("refuses a subscription that is not the web app's with OPERATION_NOT_ALLOWED", async () => {
    const service = await startService(0, { PERSISTED_QUERIES: "allowlist" });
    const subscriber = connect({ url: `http://127.0.0.1:${service.port}/graphql` }, { token: READER });
    try {
      await subscriber.connected;
      const other = subscribe(subscriber.client, `subscription($id: ID!) { meetingChanged(id: $id) { change } }`, {
        id: "2025-04-11-putin-witkoff-st-petersburg",
      });
      const refused = await other.next();
      expect(refused.kind).toBe("error");
      expect(refused.kind === "error" && refused.errors[0]?.extensions?.code).toBe("OPERATION_NOT_ALLOWED");

      const theWebApps = subscribe(subscriber.client, webAppOperation("subscription MeetingChanged").document, {
        id: "2025-04-11-putin-witkoff-st-petersburg",
      });
      await untilListening({ server: service.server }, 1);
      theWebApps.dispose();
    } finally {
      await subscriber.client.dispose();
      await service.stop();
    }
  });
});

/**
 * GraphQL Playground in a real browser, with every request to another host blocked: it
 * loads from the service alone, knows the schema, and runs queries against the seed graph.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";

const api = useApi();
const browser = useBrowser();

/** Every CodeMirror on the page (query editor, variables, headers, result) with its text. */
const editors = (page: Page) => page.locator(".CodeMirror");

/** The result pane once it shows a response: the only editor whose text starts a JSON object with "data". */
function resultPane(page: Page) {
  return editors(page).filter({ hasText: '"data"' });
}

async function openPlayground(): Promise<Page> {
  const page = await browser.newPage();
  const hosts = new Set<string>();
  page.on("request", (request) => hosts.add(new URL(request.url()).host));
  // Playwright asks for text/html like any browser, so /graphql answers with the Playground.
  // The Playground fetches the schema once, after it has drawn itself: completion knows no field before that answer.
  const schemaLoaded = page.waitForResponse((r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes("__schema"));
  const response = await page.goto(api.url);
  expect(response?.headers()["content-type"]).toMatch(/^text\/html/);
  await page.getByTitle("Execute Query (Ctrl-Enter)").waitFor();
  expect((await schemaLoaded).ok()).toBe(true);
  expect([...hosts]).toEqual([new URL(api.url).host]);
  return page;
}

describe("GraphQL Playground in a browser, offline", { timeout: 90_000 }, () => {
  it("opens with the example tabs and runs one against the seed graph", async () => {
    const page = await openPlayground();
    for (const tab of ["who met whom", "where and how long", "who said what"]) await page.getByText(tab, { exact: true }).waitFor();
    await browser.screenshot(page, "playground-open");

    await page.getByTitle("Execute Query (Ctrl-Enter)").click();
    const result = resultPane(page);
    await result.waitFor();
    const text = await result.innerText();
    // Steve Witkoff's counterparts, most time together first: Putin, six meetings, one of unknown length.
    expect(text).toContain('"name": "Steve Witkoff"');
    expect(text).toMatch(/"name": "Vladimir Putin"\s*},\s*"meetingCount": 6,\s*"time": {\s*"minutes": 1118,/);
    expect(text).toMatch(/"unknownCount": 1/);
    await browser.screenshot(page, "playground-result");
  });

  it("completes field names from the schema, with their descriptions, and runs a typed query", async () => {
    const page = await openPlayground();
    await editors(page).first().click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("{ meetingsB");
    const hints = page.locator(".CodeMirror-hints");
    // The editor may take the schema a render after its answer arrived; Ctrl-Space asks for the hints again.
    await expect
      .poll(async () => (await hints.isVisible()) || (await page.keyboard.press("Control+Space"), false), { timeout: 30_000, interval: 1000 })
      .toBe(true);
    expect(await hints.innerText()).toContain("meetingsBetween");
    await browser.screenshot(page, "playground-autocomplete");

    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+A");
    // insertText, not type: the editor would close each bracket typed a second time.
    await page.keyboard.insertText(
      '{ meeting(id: "2025-04-11-putin-witkoff-st-petersburg") { place { name within { name } } duration { minutes approximate wording } } }',
    );
    await page.keyboard.press("Control+Enter");
    const result = resultPane(page);
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toMatch(/"name": "Presidential Library",\s*"within": {\s*"name": "St. Petersburg"/);
    expect(text).toMatch(/"minutes": 270,\s*"approximate": false,\s*"wording": "four-and-a-half-hour"/);
  });

  it("shows no lint mark on any example tab, its variables pane open, nor after typing a field, and typing raises no error", async () => {
    const page = await openPlayground();
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    const lintMarks = page.locator(".CodeMirror-lint-mark");
    await page.getByText("Query Variables").first().click();
    for (const [tab, operation] of [
      ["where and how long", "WhereAndHowLong"],
      ["who said what", "WhoSaidWhat"],
      ["who met whom", "WhoMetWhom"],
    ] as const) {
      await page.getByText(tab, { exact: true }).click();
      await editors(page).first().filter({ hasText: operation }).waitFor();
      // A false mark used to show as soon as the pane opened; the lint runs half a second after a change.
      await page.waitForTimeout(1_500);
      expect(await lintMarks.allInnerTexts(), tab).toEqual([]);
    }
    await browser.screenshot(page, "playground-variables-pane");

    // Typing a field into the open tab: the editor's hints come and go with every letter.
    await editors(page).first().getByText("name", { exact: true }).first().click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("aliases", { delay: 100 });
    await page.keyboard.press("Escape");
    await page.waitForTimeout(1_500);
    expect(await lintMarks.allInnerTexts()).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("documents the schema in its docs panel", async () => {
    const page = await openPlayground();
    await page.getByText("Docs", { exact: true }).click();
    // The root fields of the contract, each with its description.
    await page.getByText("meetingsBetween", { exact: true }).waitFor();
    await page.getByText("timeTogether", { exact: true }).waitFor();
    // Within the docs panel: the editor's query text has a "person" token too, which a busy machine's slower panel could lose to.
    await page.locator(".field-name").getByText("person", { exact: true }).first().click();
    await page.getByText("A person by their stable slug id", { exact: false }).first().waitFor();
    await browser.screenshot(page, "playground-docs");
  });
});

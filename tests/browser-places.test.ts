/**
 * Where meetings happened, as the web app shows it over the seed graph: a tree of countries, the
 * cities within them and the sites within those, each with its meeting count (contained places
 * included), each leading to the who-met-whom view of that place; it fits a phone.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../src/config.js";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";

const api = useApi();
const browser = useBrowser();
const appUrl = (hash = "") => `${new URL("/", api.url).href}${hash}`;
const patiently = { timeout: 45_000 };

beforeAll(() => {
  ensureWebBuild();
});

/** The tree as a reader sees it: one line per entry, indented two spaces per level it lies within. */
function outline(page: Page): Promise<string[]> {
  return page.locator("ul.place-tree li").evaluateAll((items) =>
    items.map((item) => {
      let depth = 0;
      for (let outer = item.parentElement?.closest("li"); outer; outer = outer.parentElement?.closest("li")) depth += 1;
      const own = [...item.childNodes]
        .filter((node) => node.nodeName !== "UL")
        .map((node) => node.textContent)
        .join("");
      return `${"  ".repeat(depth)}${own}`;
    }),
  );
}

/** The meetings the who-met-whom view lists, by id. */
function listedMeetings(page: Page): Promise<string[]> {
  return page.locator("section.found ol.timeline > li").evaluateAll((items) => items.map((item) => item.getAttribute("data-meeting-id") ?? ""));
}

describe("the place tree", { timeout: 120_000 }, () => {
  it("lists countries, their cities and the sites within them, each with its meetings counted with those of the places within", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl());
    await page.getByRole("navigation").getByRole("link", { name: "Places" }).click();
    expect(page.url()).toMatch(/#\/places$/);

    // Ireland (Dublin) and Ukraine (Kyiv, Donbas) are in the graph, but no meeting was held there.
    await expect
      .poll(() => outline(page), patiently)
      .toEqual([
        "Belgium · 1 meeting",
        "  Brussels city · 1 meeting",
        "Russia · 7 meetings",
        "  Moscow city · 6 meetings",
        "    Moscow Kremlin building · 4 meetings",
        "    U.S. Embassy in Moscow building · 1 meeting",
        "  St. Petersburg city · 1 meeting",
        "    Presidential Library building · 1 meeting",
      ]);
    expect(await page.getByText("Each count includes the meetings held anywhere within the place").count()).toBe(1);
    await browser.screenshot(page, "app-places");
  });

  it("leads from a place or a country to its meetings in the who-met-whom view", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/places"));

    await page.locator('li[data-place-id="moscow"] > a').click();
    await expect.poll(() => listedMeetings(page), patiently).toHaveLength(6);
    expect(page.url()).toMatch(/#\/meetings\?place=moscow$/);
    expect(await listedMeetings(page)).toEqual(
      expect.arrayContaining(["2025-02-11-putin-witkoff-moscow", "2025-12-02-putin-witkoff-kushner-kremlin", "2025-12-03-witkoff-briefing-us-embassy-moscow"]),
    );

    await page.goBack();
    await page.locator('li[data-country-id="RU"] > a').click();
    await expect.poll(() => listedMeetings(page), patiently).toHaveLength(7);
    expect(page.url()).toMatch(/#\/meetings\?country=RU$/);
    expect(await listedMeetings(page)).toContain("2025-04-11-putin-witkoff-st-petersburg");
  });

  it("asks the API once for the whole tree, in a bounded number of Cypher statements", async () => {
    const documents = JSON.parse(fs.readFileSync(path.join(projectRoot, "web/src/__generated__/persisted-documents.json"), "utf8")) as Record<string, string>;
    const placeTree = Object.values(documents).find((document) => /\bquery PlaceTree\b/.test(document));
    const res = await api.query(placeTree!);
    expect(res.errors).toBeUndefined();
    // Countries, their meeting counts, their places, the places' parents and the places' meeting counts: each one batched statement.
    expect(res.extensions!.cypherRoundTrips).toBeLessThanOrEqual(5);
  });

  it("fits a phone: no sideways scrolling at 390 × 844", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(appUrl("#/places"));
    await page.locator('li[data-place-id="presidential-library"]').waitFor(patiently);
    const { scrollWidth, innerWidth } = (await page.evaluate("({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })")) as {
      scrollWidth: number;
      innerWidth: number;
    };
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await browser.screenshot(page, "app-phone-places");
  });
});

/**
 * The web app past the seed graph: with a synthetic graph loaded beside it (ids "syn-…"), every
 * list pages on past 100 items with its total, and the network of the busiest person stays
 * readable (the top counterparts drawn, the rest summarised, no label over another).
 * It writes the synthetic graph, so it is a writer (tests/curation-*), and removes it after.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";
import { runScript } from "./support/scripts.js";

const api = useApi();
const browser = useBrowser();
const appUrl = (hash = "") => `${new URL("/", api.url).href}${hash}`;
const patiently = { timeout: 45_000 };

/** The synthetic person who attended the most meetings, and how many people they met. */
let busiest: { id: string; name: string; meetings: number; counterparts: number };

beforeAll(async () => {
  ensureWebBuild();
  const load = runScript("seed/synthetic.ts", "--people", "300", "--meetings", "1500", "--seed", "5", "--batch", "500");
  expect(load.code, load.output).toBe(0);
  const [row] = await api.db.read<typeof busiest>(
    "test.webScale.busiest",
    `MATCH (p:Person)-[:ATTENDED]->(m:Meeting) WHERE p.id STARTS WITH "syn-"
     WITH p, count(m) AS meetings ORDER BY meetings DESC, p.id LIMIT 1
     MATCH (p)-[:ATTENDED]->(:Meeting)<-[:ATTENDED]-(other:Person) WHERE other <> p
     RETURN p.id AS id, p.name AS name, meetings, count(DISTINCT other) AS counterparts`,
  );
  busiest = row as typeof busiest;
}, 180_000);

afterAll(async () => {
  await api.db.write("test.webScale.cleanUp", `MATCH (n) WHERE n.id STARTS WITH "syn-" DETACH DELETE n`);
});

async function count(page: Page, selector: string): Promise<number> {
  return page.locator(selector).count();
}

/** Clicks "Show more" under `list` until `wanted` items show; returns the items' ids. */
async function showUntil(page: Page, item: string, attribute: string, wanted: number): Promise<string[]> {
  while ((await count(page, item)) < wanted) {
    const before = await count(page, item);
    await page.getByRole("button", { name: "Show more" }).first().click();
    await expect.poll(() => count(page, item), patiently).toBeGreaterThan(before);
  }
  return page.locator(item).evaluateAll((items, name) => items.map((element) => element.getAttribute(name) ?? ""), attribute);
}

describe("the web app over a graph larger than the seed", { timeout: 240_000 }, () => {
  it("pages the home list past 100 people, with the total", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl());
    await page.locator("ul.people li").first().waitFor(patiently);
    const total = Number(/\((\d+)\)/.exec(await page.getByText(/^Everyone in the graph/).innerText())?.[1]);
    expect(total).toBeGreaterThan(300);
    expect(await count(page, "ul.people li")).toBe(50);

    const ids = await showUntil(page, "ul.people li", "data-person-id", 150);
    expect(ids).toHaveLength(150);
    expect(new Set(ids).size).toBe(150);
    expect(await page.locator(".show-more .count").innerText()).toBe(`150 of ${total} people shown`);
    await browser.screenshot(page, "app-paging-people");
  });

  it("pages a busy person's timeline to its last meeting, each meeting once", async () => {
    expect(busiest.meetings).toBeGreaterThan(100);
    const page = await browser.newPage();
    await page.goto(appUrl(`#/person/${busiest.id}`));
    const heading = page.locator("section.person-meetings h2");
    await expect.poll(() => heading.innerText(), patiently).toBe(`Meetings (${busiest.meetings})`);

    const ids = await showUntil(page, "section.person-meetings ol.timeline > li", "data-meeting-id", busiest.meetings);
    expect(new Set(ids).size).toBe(busiest.meetings);
    expect(await page.locator("section.person-meetings .show-more button").count()).toBe(0);
    expect(await page.locator("section.person-meetings .show-more .count").innerText()).toBe(`${busiest.meetings} of ${busiest.meetings} meetings shown`);
  });

  it("pages the who-met-whom list past 100 meetings", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/meetings?from=2015-01-01&to=2030-12-31"));
    const heading = page.locator("section.found h2");
    await expect.poll(() => heading.innerText(), patiently).toMatch(/^Meetings \(\d+\)$/);
    const total = Number(/\d+/.exec(await heading.innerText())?.[0]);
    expect(total).toBeGreaterThan(1500);
    const ids = await showUntil(page, "section.found ol.timeline > li", "data-meeting-id", 150);
    expect(new Set(ids).size).toBe(150);
    await browser.screenshot(page, "app-paging-meetings");
  });

  it("shows more search results on request", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/?q=Talks"));
    const meetings = "section.results[data-kind=Meeting] li";
    await expect.poll(() => count(page, meetings), patiently).toBe(20);
    await page.getByRole("button", { name: "Show more results" }).click();
    await expect.poll(() => count(page, meetings), patiently).toBe(40);
  });

  it("keeps the network of the busiest person readable: the top 12 by time together drawn, the rest summarised, no label over another or cut off", async () => {
    expect(busiest.counterparts).toBeGreaterThan(100);
    const page = await browser.newPage();
    await page.goto(appUrl(`#/person/${busiest.id}`));
    const drawn = page.locator("svg.network a.counterpart");
    await expect.poll(() => drawn.count(), patiently).toBe(12);
    // The API lists at most 100 counterparts and counts them all (counterpartCount): the summary says how many are not drawn.
    expect(await page.locator("svg.network text.others").textContent()).toBe(`and ${busiest.counterparts - 12} others, by time together: see the table`);

    // The drawn are the table's first rows: the most time together.
    const drawnIds = await drawn.evaluateAll((links) => links.map((link) => link.getAttribute("data-person-id")));
    const tableIds = await page
      .locator("table.counterparts tbody tr td:first-child a")
      .evaluateAll((links) => links.map((link) => link.getAttribute("href")?.replace("#/person/", "")));
    expect(drawnIds).toEqual(tableIds.slice(0, 12));

    const boxes = await page.locator("svg.network text").evaluateAll((labels) =>
      labels.map((label) => {
        const { left, right, top, bottom } = label.getBoundingClientRect();
        return { text: label.textContent ?? "", left, right, top, bottom };
      }),
    );
    const overlaps = boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
        .map((b) => `${a.text} / ${b.text}`),
    );
    expect(overlaps).toEqual([]);
    const drawing = await page.locator("svg.network").boundingBox();
    const cut = boxes.filter(
      ({ left, right, top, bottom }) =>
        drawing && (left < drawing.x || right > drawing.x + drawing.width || top < drawing.y || bottom > drawing.y + drawing.height),
    );
    expect(
      cut.map(({ text }) => text),
      "labels cut off at the drawing's edge",
    ).toEqual([]);
    await browser.screenshot(page, "app-network-busy");

    // The table: its first rows, then the 100 the API lists, then where the others are.
    const rows = page.locator("table.counterparts tbody tr");
    const foot = page.locator("div.scroll:has(table.counterparts) + div.show-more");
    expect(await rows.count()).toBe(24);
    expect(await foot.locator(".count").innerText()).toBe(`24 of ${busiest.counterparts} shown`);
    await foot.getByRole("button", { name: "Show the top 100" }).click();
    await expect.poll(() => rows.count(), patiently).toBe(100);
    expect(await foot.locator(".count").innerText()).toBe(`100 of ${busiest.counterparts} shown`);
    expect(await foot.getByRole("button").count()).toBe(0);
    expect(await foot.locator(".unlisted").innerText()).toBe(
      `The API lists the 100 with most time together; the other ${busiest.counterparts - 100} are among all of ${busiest.name}'s meetings.`,
    );
    expect(await foot.getByRole("link").getAttribute("href")).toBe(`#/meetings?people=${busiest.id}`);
  });
});

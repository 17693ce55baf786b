/**
 * The web app in a real browser, served by the API at "/" from a fresh build, with every
 * request to another host blocked: a journalist's path from a search to a person to a
 * meeting shows the seed graph's facts.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";

const api = useApi();
const browser = useBrowser();
const appUrl = () => new URL("/", api.url).href;
/** The page renders when the API has answered; locators wait this long too. */
const patiently = { timeout: 20_000 };

beforeAll(() => {
  ensureWebBuild();
});

/**
 * A row of the meeting's claims table, as { source id: its claims of that field }, each claim
 * read as "figure or value · the source's words · preferred".
 */
async function claimsRow(page: Page, field: string): Promise<Record<string, string[]>> {
  const row: Record<string, string[]> = {};
  for (const cell of await page.locator(`table.claims tr[data-field="${field}"] td`).all()) {
    const claims = await cell.locator(".claim").evaluateAll((elements) =>
      elements.map((claim) =>
        [claim.querySelector(".duration, .value"), claim.querySelector(":scope > q"), claim.querySelector(".rank")?.firstChild]
          .map((part) => part?.textContent?.trim())
          .filter(Boolean)
          .join(" · "),
      ),
    );
    if (claims.length > 0) row[(await cell.getAttribute("data-source-id")) as string] = claims;
  }
  return row;
}

async function openMeeting(id: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${appUrl()}#/meeting/${id}`);
  await page.locator("table.claims").waitFor();
  return page;
}

describe("the web app", { timeout: 90_000 }, () => {
  it("is served at / with its hashed assets cacheable for good", async () => {
    const index = await fetch(appUrl());
    expect(index.status).toBe(200);
    expect(index.headers.get("cache-control")).toBe("no-cache");
    const script = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(new URL(script as string, appUrl()));
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("search → person → meeting shows who met whom, when, where, for how long, and who said what", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl());

    // Search.
    await page.getByRole("searchbox", { name: "Search" }).fill("Witkoff");
    const found = page.locator("ul.people > li");
    await expect.poll(() => found.allInnerTexts(), patiently).toEqual([expect.stringContaining("Steve Witkoff")]);
    await browser.screenshot(page, "app-search");
    await page.getByRole("link", { name: "Steve Witkoff", exact: true }).click();

    // The person: the network of counterparts...
    await page.getByRole("heading", { name: "Steve Witkoff", level: 1 }).waitFor();
    expect(page.url()).toMatch(/#\/person\/steve-witkoff$/);
    const counterparts = page.locator("svg.network a.counterpart");
    await expect.poll(() => counterparts.count(), patiently).toBe(4);
    const putin = counterparts.and(page.locator('[data-person-id="vladimir-putin"]'));
    expect(await putin.textContent()).toBe("Vladimir Putin6 meetings · ≈ 18 h 38 min, and 1 unknown");
    const kushner = counterparts.and(page.locator('[data-person-id="jared-kushner"]'));
    expect(await kushner.textContent()).toBe("Jared Kushner1 meeting · 5 h");
    // Edges are as thick as the time together: Putin's (18 h 30 min known) is thicker than Kushner's (5 h).
    const widths = await page.locator("svg.network line.edge").evaluateAll((lines) => lines.map((line) => Number(line.getAttribute("stroke-width"))));
    expect(widths[0]).toBeGreaterThan(widths[3] as number);

    // ...and the timeline: date, place, duration, approximate and unknown shown as such.
    // The timeline pages through the person's meetings with a query of its own, so it may come after the network.
    const timeline = page.locator("ol.timeline > li");
    await expect.poll(() => timeline.count(), patiently).toBe(7);
    const april = page.locator('ol.timeline > li[data-meeting-id="2025-04-11-putin-witkoff-st-petersburg"]');
    expect(await april.locator("time").getAttribute("datetime")).toBe("2025-04-11");
    const aprilText = await april.innerText();
    expect(aprilText).toContain("11 April 2025");
    expect(aprilText).toContain("Presidential Library, St. Petersburg, Russia");
    expect(aprilText).toContain("4 h 30 min (4 h 15 min – 4 h 45 min)");
    const march = await page.locator('ol.timeline > li[data-meeting-id="2025-03-13-putin-witkoff-kremlin"] .how-long').innerText();
    expect(march).toContain("unknown");
    expect(march).toContain("rumored to be brief");
    expect(march).not.toMatch(/\b0 min/);

    // ...and what he said, linked to the meeting it was about.
    const said = page.locator('li[data-statement-id="witkoff-february-meeting-length"]');
    expect(await said.locator("figure.wording").innerText()).toMatch(/^close to three and a half hours\s+CBS · paraphrase/);
    expect(await said.getByRole("link", { name: "Putin–Witkoff talks in Moscow (February 2025)" }).getAttribute("href")).toBe(
      "#/meeting/2025-02-11-putin-witkoff-moscow",
    );
    await browser.screenshot(page, "app-person");

    // The 2 December meeting.
    await page.locator('ol.timeline > li[data-meeting-id="2025-12-02-putin-witkoff-kushner-kremlin"] a').click();
    await page.locator("table.claims").waitFor();
    expect(page.url()).toMatch(/#\/meeting\/2025-12-02-putin-witkoff-kushner-kremlin$/);
    const participants = await page.locator("table.participants tbody tr").allInnerTexts();
    expect(participants.map((row) => row.split("\t").slice(0, 2).join(" / ")).sort()).toEqual([
      "Jared Kushner / United States",
      "Kirill Dmitriev / Russia",
      "Steve Witkoff / United States",
      "Vladimir Putin / Russia",
      "Yuri Ushakov / Russia",
    ]);
    expect(participants.find((row) => row.startsWith("Steve Witkoff"))).toContain("led the U.S. delegation");

    // Ushakov's statement as two sources worded it.
    const wordings = page.locator('li[data-statement-id="ushakov-no-compromises-yet"] figure.wording');
    expect(await wordings.allInnerTexts()).toEqual([
      expect.stringMatching(/^Compromises have not yet been found\. There is still a lot of work to be done\s+Putin talks with U\.S\. envoys/),
      expect.stringMatching(/^No compromises have been found yet\. There is still a lot of work to be done\.\s+Dawat Media Center · quote/),
    ]);

    // Three sources' duration claims side by side: their figures differ, but one duration fits them all.
    expect(await claimsRow(page, "duration")).toEqual({
      "article-000": ["about 5 h (4 h 30 min – 5 h 30 min) · approximately five hours"],
      "dawat-004": ["5 h (4 h 30 min – 5 h 30 min) · five-hour · preferred"],
      "nyt-telegraph-india-2025-12-04": ["nearly 5 h (4 h 30 min – 5 h) · nearly five hours"],
    });
    expect(await page.locator('table.claims tr[data-field="duration"]').getAttribute("data-conflict")).toBe("compatible");
    await browser.screenshot(page, "app-meeting");
  });

  it("shows the February meeting's three duration claims and the March meeting's conflicting wait claims", async () => {
    const february = await openMeeting("2025-02-11-putin-witkoff-moscow");
    expect(await claimsRow(february, "duration")).toEqual({
      "cbs-face-the-nation-witkoff-2025-02": ["nearly 3 h 30 min (3 h 15 min – 3 h 30 min) · close to three and a half hours · preferred"],
      "dawat-004": ["3 h 30 min (3 h 15 min – 3 h 45 min) · three-and-a-half-hour"],
      "newsmax-2025-02-16": ["about 3 h (2 h 30 min – 3 h 30 min) · about three hours"],
    });
    expect(await february.locator(".meeting-duration").innerText()).toContain("nearly 3 h 30 min");
    await browser.screenshot(february, "app-meeting-february");

    const march = await openMeeting("2025-03-13-putin-witkoff-kremlin");
    expect(await march.locator(".meeting-duration").innerText()).toMatch(/^unknown/);
    const wait = await claimsRow(march, "wait");
    expect(Object.keys(wait).sort()).toEqual(["dawat-004", "sky-news-2025-03-14", "truth-social-trump-2025-03-15"]);
    expect(wait["truth-social-trump-2025-03-15"]?.[0]).toMatch(/^no wait/);
    expect(wait["sky-news-2025-03-14"]?.[0]).toMatch(/^8 h/);
    expect(await march.locator('table.claims tr[data-field="wait"]').getAttribute("data-conflict")).toBe("incompatible");
  });

  it("finds people by how the sources describe them, and says so when nothing matches", async () => {
    const page = await browser.newPage();
    await page.goto(`${appUrl()}#/?q=${encodeURIComponent("Kremlin aide")}`);
    const found = page.locator("ul.people > li > a");
    await expect.poll(() => found.allInnerTexts(), patiently).toEqual(["Yuri Ushakov"]);

    await page.getByRole("searchbox", { name: "Search" }).fill("Zbigniew");
    await page.getByText("Nothing found for “Zbigniew”").waitFor();
  });
});

/**
 * The web app as a journalist meets it, over the seed graph: search finds meetings, quotes and
 * places as well as people; the central questions (who met whom, where, between which dates, for
 * how long together, how two people are connected) each have a view with its own address;
 * relations show with their sources; every page fits a phone; readers see no internals.
 */
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";

const api = useApi();
const browser = useBrowser();
const appUrl = (hash = "") => `${new URL("/", api.url).href}${hash}`;
/** The page renders when the API has answered; polls wait this long. */
const patiently = { timeout: 45_000 };

beforeAll(() => {
  ensureWebBuild();
});

const march = "2025-03-13-putin-witkoff-kremlin";
const april11 = "2025-04-11-putin-witkoff-st-petersburg";
const april25 = "2025-04-25-putin-witkoff-kremlin";
const august = "2025-08-06-putin-witkoff-kremlin";
const december = "2025-12-02-putin-witkoff-kushner-kremlin";

/** The ids of the results of one kind on the search page, best match first. */
function resultIds(page: Page, kind: string, attribute: string): Promise<string[]> {
  return page.locator(`section.results[data-kind="${kind}"] li`).evaluateAll((items, name) => items.map((item) => item.getAttribute(name) ?? ""), attribute);
}

/** The meetings the who-met-whom view lists, by id. */
function listedMeetings(page: Page): Promise<string[]> {
  return page.locator("section.found ol.timeline > li").evaluateAll((items) => items.map((item) => item.getAttribute("data-meeting-id") ?? ""));
}

async function pickPerson(page: Page, field: string, typed: string, name: string): Promise<void> {
  await page.getByRole("searchbox", { name: field }).fill(typed);
  await page.getByRole("option").filter({ hasText: name }).getByRole("button").click();
  await page.locator(".chip", { hasText: name }).waitFor();
}

/** Collects what a reader's browser would complain about: failed requests (a missing favicon) and console errors. */
function complaints(page: Page): string[] {
  const seen: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) seen.push(`${response.status()} ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") seen.push(message.text());
  });
  return seen;
}

describe("a journalist using the web app", { timeout: 120_000 }, () => {
  it("searches across kinds: “Kremlin”, “compromise” and “Moscow” find meetings, quotes and places, each leading to its page", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl());
    const search = page.getByRole("searchbox", { name: "Search" });

    await search.fill("Kremlin");
    await expect.poll(() => resultIds(page, "Meeting", "data-meeting-id"), patiently).toEqual(expect.arrayContaining([march, april25, august, december]));
    expect(await resultIds(page, "Place", "data-place-id")).toEqual(["kremlin"]);
    expect(await resultIds(page, "Person", "data-person-id")).toEqual(["yuri-ushakov"]);
    await browser.screenshot(page, "app-search-kinds");

    await search.fill("compromise");
    await expect.poll(() => resultIds(page, "Statement", "data-statement-id"), patiently).toContain("ushakov-no-compromises-yet");
    const quote = page.locator('section.results li[data-statement-id="ushakov-no-compromises-yet"]');
    expect(await quote.innerText()).toContain("Yuri Ushakov");
    expect(await quote.getByRole("link", { name: /Putin talks with Witkoff and Kushner/ }).getAttribute("href")).toBe(`#/meeting/${december}`);

    await search.fill("Moscow");
    await expect.poll(() => resultIds(page, "Place", "data-place-id"), patiently).toContain("moscow");
    expect(await resultIds(page, "Meeting", "data-meeting-id")).toContain("2025-02-11-putin-witkoff-moscow");
    expect(page.url()).toMatch(/#\/\?q=Moscow$/);

    // A place leads to the meetings held there, anywhere within it.
    await page.locator('section.results li[data-place-id="moscow"] a').click();
    await expect.poll(() => listedMeetings(page), patiently).toEqual(expect.arrayContaining(["2025-02-11-putin-witkoff-moscow", march, december]));
    expect(page.url()).toMatch(/#\/meetings\?place=moscow$/);
    expect(await page.locator('.chip[data-place-id="moscow"]').innerText()).toContain("Moscow, Russia");
  });

  it("asks who met whom between two dates: the meetings, and their time together with the unknown counted apart, at an address that can be shared", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/meetings"));
    await pickPerson(page, "Add a person", "witk", "Steve Witkoff");
    await pickPerson(page, "Add a person", "Putin", "Vladimir Putin");

    // All their meetings: the API's time together, with the March meeting's length unknown (not 0).
    await expect.poll(() => listedMeetings(page), patiently).toEqual(["2025-02-11-putin-witkoff-moscow", march, april11, april25, august, december]);
    await expect.poll(() => page.locator(".time-together").innerText(), patiently).toMatch(/^6 meetings together · ≈ .+, and 1 meeting of unknown length/);

    await page.getByLabel("From").fill("2025-03-01");
    await page.getByLabel("To").fill("2025-08-31");
    await expect.poll(() => listedMeetings(page), patiently).toEqual([march, april11, april25, august]);
    const together = page.locator(".time-together");
    await expect.poll(() => together.innerText(), patiently).toMatch(/^4 meetings together/);
    const time = await together.innerText();
    // 4 h 30 min + 3 h + nearly 3 h known, the March meeting unknown: never counted as 0.
    expect(time).toContain("≈ 10 h 15 min, and 1 meeting of unknown length");
    expect(time).toContain("3 of known length, 1 of them approximate; 1 of unknown length");
    expect(time).not.toMatch(/\b0 min/);
    expect(page.url()).toMatch(/#\/meetings\?people=steve-witkoff,vladimir-putin&from=2025-03-01&to=2025-08-31$/);
    await browser.screenshot(page, "app-who-met-whom");

    // The address alone brings the same answer back.
    const shared = await browser.newPage();
    await shared.goto(page.url());
    await expect.poll(() => listedMeetings(shared), patiently).toEqual([march, april11, april25, august]);
    await expect.poll(() => shared.locator(".time-together").innerText(), patiently).toBe(time);
  });

  it("lists the meetings held in a country between two dates", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/meetings?country=RU&from=2025-04-01&to=2025-04-30"));
    await expect.poll(() => listedMeetings(page), patiently).toEqual([april11, april25]);
    expect(await page.getByLabel("Country").inputValue()).toBe("RU");
    expect(await page.locator("section.found h2").innerText()).toBe("Meetings (2)");
  });

  it("shows how two people are connected, and says so when nothing links them", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/path"));
    await pickPerson(page, "First person", "Kushner", "Jared Kushner");
    await pickPerson(page, "Second person", "Ushakov", "Yuri Ushakov");
    const steps = page.locator("ol.path > li");
    await expect
      .poll(() => steps.allInnerTexts(), patiently)
      .toEqual([expect.stringMatching(/^Jared Kushner met Yuri Ushakov at Putin talks with Witkoff and Kushner .* \(2 December 2025\)$/)]);
    expect(page.url()).toMatch(/#\/path\?from=jared-kushner&to=yuri-ushakov$/);

    await page.goto(appUrl("#/path?from=jared-kushner&to=volodymyr-zelensky"));
    await page.locator(".path-none").waitFor(patiently);
  });

  it("shows each person's relations with the sources that state them, from both sides", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/person/jared-kushner"));
    const relations = page.locator("table.relations tbody tr");
    await expect.poll(() => relations.count(), patiently).toBe(2);
    const sonInLaw = page.locator('table.relations tr[data-kind="son-in-law-of"]');
    expect(await sonInLaw.locator("td").first().innerText()).toBe("son in law of Donald Trump");
    expect(await sonInLaw.getByRole("link", { name: "Donald Trump" }).getAttribute("href")).toBe("#/person/donald-trump");
    expect(await sonInLaw.locator("ul.source-refs li").count()).toBeGreaterThan(0);
    expect(await page.locator('table.relations tr[data-kind="adviser-to"] td').first().innerText()).toBe("adviser to Donald Trump");
    await browser.screenshot(page, "app-relations");

    await page.goto(appUrl("#/person/donald-trump"));
    await expect
      .poll(() => page.locator('table.relations tr[data-kind="special-envoy-of"] td').first().innerText(), patiently)
      .toBe("Steve Witkoff is special envoy of Donald Trump");

    await page.goto(appUrl("#/person/yuri-ushakov"));
    await expect.poll(() => page.locator('table.relations tr[data-kind="adviser-to"] td').first().innerText(), patiently).toBe("adviser to Vladimir Putin");
  });

  it("draws a person's meetings along a date axis, as tall as they lasted, the unknown drawn apart", async () => {
    const page = await browser.newPage();
    await page.goto(appUrl("#/person/steve-witkoff"));
    const marks = page.locator("svg.date-axis a.mark");
    await expect.poll(() => marks.count(), patiently).toBe(7);
    const height = (id: string) => page.locator(`svg.date-axis a.mark[data-meeting-id="${id}"] rect`).evaluate((rect) => Number(rect.getAttribute("height")));
    // 4 h 30 min on 11 April against nearly 3 h on 6 August.
    expect(await height(april11)).toBeGreaterThan(await height(august));
    expect(await page.locator(`svg.date-axis a.mark[data-meeting-id="${march}"]`).getAttribute("class")).toBe("mark unknown");
    const order = await marks.evaluateAll((links) => links.map((link) => Number(link.querySelector("rect")?.getAttribute("x"))));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await browser.screenshot(page, "app-date-axis");
  });

  it("fits a phone: no page scrolls sideways at 390 × 844", async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const pages: [string, string, string][] = [
      ["home", "#/", "ul.people li"],
      ["search", "#/?q=Kremlin", "section.results"],
      ["person", "#/person/steve-witkoff", "ol.timeline li"],
      ["meeting", `#/meeting/${december}`, "table.claims"],
      ["source", "#/source/dawat-004", "table.claims"],
      ["who-met-whom", "#/meetings?people=steve-witkoff,vladimir-putin&from=2025-03-01&to=2025-08-31", ".time-together"],
      ["path", "#/path?from=jared-kushner&to=yuri-ushakov", "ol.path li"],
    ];
    const overflowing: string[] = [];
    for (const [name, hash, content] of pages) {
      await page.goto(appUrl(hash));
      await page.locator(content).first().waitFor(patiently);
      // An expression, not a function: the tests are type-checked without the DOM's types.
      const { scrollWidth, innerWidth } = (await page.evaluate("({ scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth })")) as {
        scrollWidth: number;
        innerWidth: number;
      };
      if (scrollWidth > innerWidth) overflowing.push(`${name}: ${scrollWidth} > ${innerWidth}`);
      await browser.screenshot(page, `app-phone-${name}`);
    }
    expect(overflowing).toEqual([]);
  });

  it("shows readers no internals: place names instead of ids, the curators' summary in words, the March meeting's “rumored to be brief” once, and a favicon", async () => {
    const page = await browser.newPage();
    const problems = complaints(page);
    await page.goto(appUrl(`#/meeting/${march}`));
    const placeClaim = page.locator('table.claims tr[data-field="place"] [data-place-id="kremlin"]');
    await expect.poll(() => placeClaim.innerText(), patiently).toBe("Moscow Kremlin, Moscow, Russia");
    const text = await page.locator("main").innerText();
    expect(text.match(/rumored to be brief/g)).toHaveLength(1);
    expect(await page.content()).not.toContain("FACTS.md");
    expect(text).toContain("the curators' summary of other reporting");

    await page.goto(appUrl("#/source/facts-md"));
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).innerText()).toBe("The curator’s summary of corroborating and conflicting accounts");
    await page.locator("table.claims").first().waitFor();
    expect(await page.content()).not.toContain("FACTS.md");
    expect(problems).toEqual([]);

    // The icon the page names, and the one browsers ask for unasked, are both there.
    const icon = await page.locator('link[rel="icon"]').getAttribute("href", { timeout: 5_000 });
    for (const path of [icon ?? "(no icon link)", "/favicon.ico"]) {
      const answer = await fetch(new URL(path, appUrl()));
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("content-type"), path).toContain("image/svg+xml");
    }
  });
});

/**
 * How each fact is known, as the web app shows it over the seed graph in a real browser: facts
 * no source states are marked (with the reason on hover and focus), hedges are words, durations
 * come with what all sources agree on, and only values that really differ are flagged, true
 * contradictions highlighted and differences of precision noted quietly.
 */
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWebBuild } from "../src/webapp/build.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";

const api = useApi();
const browser = useBrowser();

beforeAll(() => {
  ensureWebBuild();
});

async function open(route: string, ready: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${new URL("/", api.url).href}#/${route}`);
  await page.locator(ready).first().waitFor();
  return page;
}

const openMeeting = (id: string) => open(`meeting/${id}`, "table.claims");

/** An element's text without the spacing around it. */
async function text(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim();
}

/** A claims-table row: its conflict verdict (the data-conflict attribute: none, "compatible" or "incompatible") and its header text. */
async function claimsRow(page: Page, field: string): Promise<{ verdict: string | null; header: string; row: Locator }> {
  const row = page.locator(`table.claims tr[data-field="${field}"]`);
  return { verdict: await row.getAttribute("data-conflict"), header: await row.locator("th").innerText(), row };
}

/** One source's claims in a claims-table row. */
function claimsOf(row: Locator, sourceId: string): Locator {
  return row.locator(`td[data-source-id="${sourceId}"] .claim`);
}

/** The evidence markers inside an element, as "label: reason" (the reason is the marker's title). */
async function markers(scope: Locator): Promise<string[]> {
  return scope
    .locator(".marker.evidence")
    .evaluateAll((elements) => elements.map((marker) => `${marker.firstChild?.textContent ?? ""}: ${marker.getAttribute("title") ?? ""}`));
}

describe("the web app shows how each fact is known", { timeout: 120_000 }, () => {
  it("2 December: the consensus beside the preferred figure, Moscow vs the Kremlin only a difference of precision, the record weighed against 11 April", async () => {
    const page = await openMeeting("2025-12-02-putin-witkoff-kushner-kremlin");

    const duration = page.locator(".meeting-duration");
    expect(await duration.locator(".consensus").innerText()).toBe("all sources fit 4 h 30 min – 5 h");
    expect(await duration.locator(".consensus").getAttribute("class")).toBe("consensus");

    // The three sources give one reality at different grain: a quiet note, nothing highlighted.
    const place = await claimsRow(page, "place");
    expect(place.verdict).toBe("compatible");
    expect(place.header).toContain("compatible");
    expect(place.header).toMatch(/Kremlin lies within Moscow/);
    expect(await place.row.locator(".badge.warn").count()).toBe(0);
    // The app judges no conflict of its own: "timing" remarks are different facts, not different values.
    expect((await claimsRow(page, "timing")).verdict).toBeNull();
    expect(await page.getByText("sources differ").count()).toBe(0);

    // "Longest to date" is checked against earlier meetings' durations, which the row links to.
    const record = await claimsRow(page, "record");
    // 11 April may have lasted as long ("close to five hours"), but 2 December may still have been longer.
    expect(record.verdict).toBe("compatible");
    expect(await record.row.locator('ul.elsewhere a[href="#/meeting/2025-04-11-putin-witkoff-st-petersburg"]').count()).toBeGreaterThan(0);

    // The talks ran past midnight: the end is on 3 December.
    expect(await page.locator(".meeting-ended").innerText()).toContain("3 December 2025");
    await browser.screenshot(page, "web-evidence-december");
  });

  it("2 December: Dmitriev's attendance, which only the curator's summary gives, is marked, with the reason on hover and on focus", async () => {
    const page = await openMeeting("2025-12-02-putin-witkoff-kushner-kremlin");
    const dmitriev = page.locator('table.participants tr[data-person-id="kirill-dmitriev"]');
    const [marker] = await markers(dmitriev);
    expect(marker).toMatch(/^summary: Rests on the curators' summary of other reporting, not the source's own text/);
    // Attendances the sources state carry no marker.
    expect(await markers(page.locator('table.participants tr[data-person-id="steve-witkoff"]'))).toEqual([]);

    // The reason is text of its own (read by screen readers), shown when the marker has keyboard focus.
    const note = dmitriev.locator(".marker.evidence .marker-note").first();
    expect((await note.boundingBox())?.width).toBeLessThanOrEqual(1);
    await dmitriev.locator(".marker.evidence").first().focus();
    expect((await note.boundingBox())?.width).toBeGreaterThan(100);
    expect(marker).toContain((await note.textContent()) ?? "no note");
    await browser.screenshot(page, "web-evidence-focus");
  });

  it("each wording says whether it is a quote or a paraphrase, and how the source names the speaker", async () => {
    const wordingOn = (page: Page, statementId: string, sourceId: string) =>
      page.locator(`li[data-statement-id="${statementId}"] figure.wording[data-source-id="${sourceId}"]`);

    // Putin's words as the Dawat Media Center quotes them, and as the other article paraphrases them.
    const putin = await open("person/vladimir-putin", "ul.statements");
    expect(await text(wordingOn(putin, "putin-ready-to-fight-europe", "dawat-004").locator("figcaption .form"))).toBe("· quote");
    const paraphrase = wordingOn(putin, "putin-ready-to-fight-europe", "article-000");
    expect(await text(paraphrase.locator("figcaption .form"))).toBe("· paraphrase");
    expect(await paraphrase.locator("blockquote").count()).toBe(0);
    expect(await markers(paraphrase)).toEqual([expect.stringMatching(/^inferred: /)]);

    // The article credits to "the Kremlin" what the graph records as Ushakov's, and the curator's reading of it is marked.
    const december = await openMeeting("2025-12-02-putin-witkoff-kushner-kremlin");
    const kremlin = wordingOn(december, "ushakov-talks-constructive", "article-000");
    expect(await text(kremlin.locator(".attribution"))).toBe("· attributed to the Kremlin");
    expect(await markers(kremlin)).toEqual([expect.stringMatching(/^inferred: Inferred by the curator/)]);
    expect(await text(wordingOn(december, "ushakov-talks-constructive", "dawat-004").locator(".attribution"))).toBe("· attributed to Ushakov");
    await browser.screenshot(december, "web-evidence-wordings");
  });

  it("March: the wait claims are a true conflict, highlighted; 'reportedly' is in words; the end time is as the source words it", async () => {
    const page = await openMeeting("2025-03-13-putin-witkoff-kremlin");

    const wait = await claimsRow(page, "wait");
    expect(wait.verdict).toBe("incompatible");
    expect(await wait.row.locator("th .badge.warn").innerText()).toBe("sources conflict");
    expect(await wait.row.locator("th .explanation").innerText()).not.toBe("");
    expect(await text(claimsOf(wait.row, "dawat-004").locator(".value"))).toBe("reportedly 8 h");
    expect(await text(claimsOf(wait.row, "truth-social-trump-2025-03-15").locator(".value"))).toBe("no wait");
    // Sky News is known here only through the curator's summary.
    expect(await markers(claimsOf(wait.row, "sky-news-2025-03-14"))).toEqual([
      expect.stringMatching(/^summary: Rests on the curators' summary of other reporting/),
    ]);
    expect(await claimsOf(wait.row, "truth-social-trump-2025-03-15").locator(".claimant").innerText()).toBe("Donald Trump, on Truth Social");

    // "March 2025" and "13 March 2025" describe one day at different precision.
    const date = await claimsRow(page, "date");
    expect(date.verdict).toBe("compatible");
    expect(date.header).toContain("compatible");
    expect(date.header).toContain("differ only in precision");

    // The day itself rests only on the inferred claim: the meeting's date says so too.
    expect(await markers(page.locator(".meeting-date"))).toEqual([expect.stringMatching(/^inferred: /)]);
    // The source's words for a duration it gives no figure for, once.
    expect(await page.locator(".meeting-duration q").allInnerTexts()).toEqual(["rumored to be brief"]);

    const ended = await page.locator(".meeting-ended").innerText();
    expect(ended).toContain("14 March 2025");
    expect(ended).toContain("about 01:30");
    await browser.screenshot(page, "web-evidence-march");
  });

  it("February: the preferred figure is Witkoff's own account, on CBS, and what CBS is only inferred to say is marked", async () => {
    const page = await openMeeting("2025-02-11-putin-witkoff-moscow");
    const duration = await page.locator(".meeting-duration").innerText();
    expect(duration).toContain("according to Steve Witkoff, on CBS");
    expect(duration).toMatch(/all sources fit /);

    const cbs = "cbs-face-the-nation-witkoff-2025-02";
    expect(await markers(claimsOf((await claimsRow(page, "date")).row, cbs))).toEqual([
      expect.stringMatching(/^inferred: Inferred by the curator, not stated by the source: ./),
    ]);
    expect(
      await claimsOf((await claimsRow(page, "duration")).row, cbs)
        .locator(".claimant")
        .innerText(),
    ).toBe("Steve Witkoff, on CBS");
    expect((await claimsRow(page, "duration")).verdict).not.toBe("incompatible");
    await browser.screenshot(page, "web-evidence-february");
  });

  it("a person's page: the roles say which source names them so (Dmitriev's RDIF post rests on the curator's summary), the time together what all sources allow", async () => {
    const page = await open("person/kirill-dmitriev", "table.roles");
    const role = page.locator('table.roles tr[data-role-id="dmitriev-rdif-head"]');
    expect(await role.innerText()).toContain("Russian Direct Investment Fund");
    expect(await markers(role)).toEqual(["summary: Rests on the curators' summary of other reporting, not the source's own text."]);
    // Time together, with what every source of every meeting allows.
    const withWitkoff = page.locator("table.counterparts tr", { has: page.getByRole("link", { name: "Steve Witkoff" }) });
    expect(await text(withWitkoff.locator(".consensus"))).toBe("all sources fit 11 h 30 min – 12 h 45 min");
    await browser.screenshot(page, "web-evidence-roles");
  });

  it("a source's page: who published it, and everything credited to it with how it is known", async () => {
    const meeting = await openMeeting("2025-02-11-putin-witkoff-moscow");
    await meeting.locator('table.claims thead a.source[href="#/source/cbs-face-the-nation-witkoff-2025-02"]').click();
    await meeting.locator(".source-publisher").waitFor();
    expect(await meeting.locator(".source-publisher").innerText()).toBe("CBS, United States");
    const february = meeting.locator('section.source-claims[data-meeting-id="2025-02-11-putin-witkoff-moscow"]');
    expect(await markers(february.locator('tr[data-field="date"]'))).toEqual([expect.stringMatching(/^inferred: /)]);
    expect(await february.locator('tr[data-field="duration"] .claimant').innerText()).toBe("Steve Witkoff, on CBS");
    // Only this source's wording of what Witkoff said.
    expect(await meeting.locator('li[data-statement-id="witkoff-february-meeting-length"] figure.wording').count()).toBe(1);
    await browser.screenshot(meeting, "web-evidence-source");

    const agency = await open("source/tass-via-trump-news-pravda-2025-08-06", ".source-publisher");
    expect(await agency.locator(".source-publisher").innerText()).toBe("TASS, Russia (printed as “TASS (republished by trump.news-pravda.com)”)");
    expect(await markers(agency.locator('tr[data-field="visit-number"]'))).toEqual([expect.stringMatching(/^inferred: /)]);
  });
});

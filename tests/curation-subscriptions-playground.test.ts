/**
 * Issue 23: GraphQL Playground's subscriptions work against the service. In Chromium, a
 * `subscription { meetingChanged … }` run in Playground shows the meeting after a mutation sent
 * over HTTP. (Playground speaks the older subscriptions-transport-ws protocol: src/subscriptions/legacyProtocol.ts.)
 */
import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { parseApiKey } from "../src/auth/credentials.js";
import { useApi } from "./support/api.js";
import { useBrowser } from "./support/browser.js";
import { cleanUpAfterAll, testId } from "./support/curation.js";
import { untilListening } from "./support/subscriptions.js";

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const WRITER = "playground-writer-key";
const api = useApi({ API_KEYS: [parseApiKey(`curator:write:${sha256(WRITER)}`)] });
const browser = useBrowser();
cleanUpAfterAll(api);

it("shows a meetingChanged event in Playground after a mutation over HTTP", { timeout: 120_000 }, async () => {
  const meetingId = testId("meeting");
  const mutate = (query: string, input: Record<string, unknown>) => api.query(query, { input }, WRITER);
  const created = await mutate(`mutation($input: MeetingInput!) { createMeeting(input: $input) { errors { code } } }`, {
    id: meetingId,
    kind: "talks",
    title: "Before",
    date: "2025-06-01",
    claims: [{ field: "date", value: "2025-06-01", sourceId: "dawat-004", excerpt: "[test] on 1 June" }],
  });
  expect(created.data).toEqual({ createMeeting: { errors: [] } });

  const page = await browser.newPage();
  const schemaLoaded = page.waitForResponse((r) => r.request().method() === "POST" && (r.request().postData() ?? "").includes("__schema"));
  await page.goto(api.url);
  await page.getByTitle("Execute Query (Ctrl-Enter)").waitFor();
  await schemaLoaded;
  await page.locator(".CodeMirror").first().click();
  await page.keyboard.press("Control+A");
  // insertText, not type: the editor would close each bracket typed a second time.
  await page.keyboard.insertText(`subscription { meetingChanged(id: "${meetingId}") { change mutation meeting { title } } }`);
  await page.keyboard.press("Control+Enter");
  await untilListening(api, 1);

  const updated = await mutate(`mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { errors { code } } }`, {
    id: meetingId,
    title: "Seen in Playground",
  });
  expect(updated.data).toEqual({ updateMeeting: { errors: [] } });
  const result = page.locator(".CodeMirror").filter({ hasText: '"data"' });
  await expect
    .poll(async () => ((await result.count()) > 0 ? await result.first().innerText() : ""), { timeout: 30_000, interval: 500 })
    .toMatch(/"change": "UPDATED",\s*"mutation": "updateMeeting",\s*"meeting": {\s*"title": "Seen in Playground"/);
  await browser.screenshot(page, "playground-subscription");
});

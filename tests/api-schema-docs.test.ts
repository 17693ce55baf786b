/** What Playground's docs and a client's codegen read from the live schema (issue 22). */
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";

const api = useApi();

describe("the live schema's documentation", () => {
  it("describes the Date and DateTime scalars: partial dates, offsets, strings", async () => {
    const res = await api.query(`{ date: __type(name: "Date") { description } dateTime: __type(name: "DateTime") { description } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.date.description).toMatch(/possibly partial.*"2025-03" \(MONTH\)/);
    expect(res.data!.dateTime.description).toMatch(/offset.*never converted to UTC/);
  });
});

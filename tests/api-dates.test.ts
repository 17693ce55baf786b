/**
 * Every date a client reads is typed with the Date scalar (issue 22): Meeting.heldOn and
 * Statement.madeOn, beside Source.publishedOn and the filters' from/to. The String fields they
 * replace stay, deprecated, with the same values, so no client breaks.
 */
import { describe, expect, it } from "vitest";
import { useApi } from "./support/api.js";
import { dataOf } from "./support/graphql.js";

const api = useApi();
const data = (query: string) => dataOf(api, query);

/** A field's type as a client's codegen reads it: "Date!", "String", … */
const typeName = (type: { kind: string; name: string | null; ofType: { name: string } | null }) =>
  type.kind === "NON_NULL" ? `${type.ofType!.name}!` : type.name;

async function fieldsOf(typeName_: string) {
  const { __type } = await data(
    `{ __type(name: "${typeName_}") { fields(includeDeprecated: true) { name isDeprecated deprecationReason type { kind name ofType { name } } } } }`,
  );
  return new Map((__type.fields as { name: string; isDeprecated: boolean; deprecationReason: string | null; type: any }[]).map((f) => [f.name, f]));
}

describe("a meeting's date", () => {
  it("is heldOn, typed Date!, and the String field date is deprecated in its favour", async () => {
    const fields = await fieldsOf("Meeting");
    expect(typeName(fields.get("heldOn")!.type)).toBe("Date!");
    expect(fields.get("heldOn")!.isDeprecated).toBe(false);
    expect(fields.get("date")).toMatchObject({ isDeprecated: true, deprecationReason: "Use heldOn (typed Date)." });
  });

  it("has the same value in heldOn and date for every meeting, partial dates included", async () => {
    const { meetings } = await data(`{ meetings(first: 100) { totalCount edges { node { id heldOn date datePrecision } } } }`);
    const nodes = meetings.edges.map((e: any) => e.node) as { id: string; heldOn: string; date: string; datePrecision: string }[];
    expect(nodes).toHaveLength(meetings.totalCount);
    for (const node of nodes) expect(node.heldOn, node.id).toBe(node.date);
    expect(nodes.find((n) => n.id === "2025-12-nato-foreign-ministers-brussels")).toMatchObject({ heldOn: "2025-12", datePrecision: "MONTH" });
    expect(nodes.find((n) => n.id === "2025-04-11-putin-witkoff-st-petersburg")).toMatchObject({ heldOn: "2025-04-11", datePrecision: "DAY" });
  });

  it("costs no extra round trip: heldOn is read with the meeting", async () => {
    const roundTrips = async (fields: string) => {
      const res = await api.query(`{ meetings(first: 5) { edges { node { id ${fields} } } } meeting(id: "2025-02-11-putin-witkoff-moscow") { ${fields} } }`);
      expect(res.errors).toBeUndefined();
      return res.extensions!.cypherRoundTrips;
    };
    expect(await roundTrips("title heldOn")).toBe(await roundTrips("title"));
  });
});

describe("a statement's date", () => {
  it("is madeOn, typed Date, and the String field saidOn is deprecated in its favour", async () => {
    const fields = await fieldsOf("Statement");
    expect(typeName(fields.get("madeOn")!.type)).toBe("Date");
    expect(fields.get("madeOn")!.isDeprecated).toBe(false);
    expect(fields.get("saidOn")).toMatchObject({ isDeprecated: true, deprecationReason: "Use madeOn (typed Date)." });
  });

  it("has the same value in madeOn and saidOn for every statement", async () => {
    const { statements } = await data(`{ statements(first: 100) { totalCount edges { node { id madeOn saidOn datePrecision } } } }`);
    const nodes = statements.edges.map((e: any) => e.node) as { id: string; madeOn: string | null; saidOn: string | null }[];
    expect(nodes).toHaveLength(statements.totalCount);
    for (const node of nodes) expect(node.madeOn, node.id).toBe(node.saidOn);
    expect(nodes.find((n) => n.id === "ushakov-no-compromises-yet")).toMatchObject({ madeOn: "2025-12-03" });
  });
});

describe("the other dates a client reads", () => {
  it("are typed Date too: a source's publishedOn and the filters' from and to", async () => {
    const source = await fieldsOf("Source");
    expect(typeName(source.get("publishedOn")!.type)).toBe("Date");
    const { meetingFilter, statementFilter } = await data(`{
      meetingFilter: __type(name: "MeetingFilter") { inputFields { name type { kind name ofType { name } } } }
      statementFilter: __type(name: "StatementFilter") { inputFields { name type { kind name ofType { name } } } }
    }`);
    for (const filter of [meetingFilter, statementFilter]) {
      const types = Object.fromEntries(filter.inputFields.map((f: any) => [f.name, typeName(f.type)]));
      expect(types).toMatchObject({ from: "Date", to: "Date" });
    }
  });
});

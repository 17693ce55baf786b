/**
 * Lists in arguments have a maximum length: a client cannot make one request look up ten
 * thousand ids. Checked on the literals in the document and on every list in the variables.
 */
import { Kind, visit, type ASTNode, type DocumentNode } from "graphql";

export interface LongList {
  /** Where the list is: `personIds`, `filter.participantIds`, or `$input.participants` for a variable. */
  path: string;
  length: number;
}

/** Apollo keeps a parsed document per query text and hands the same one to every request: its literals are checked once per limit. */
const checkedDocuments = new WeakMap<DocumentNode, Map<number, LongList | null>>();

/** The first list longer than `maxLength` in the document's argument literals, or null. */
export function longListInDocument(document: DocumentNode, maxLength: number): LongList | null {
  const checked = checkedDocuments.get(document) ?? new Map<number, LongList | null>();
  checkedDocuments.set(document, checked);
  if (!checked.has(maxLength)) checked.set(maxLength, findLongList(document, maxLength));
  return checked.get(maxLength)!;
}

function findLongList(document: DocumentNode, maxLength: number): LongList | null {
  let found: LongList | null = null;
  visit(document, {
    ListValue(node, _key, parent, _path, ancestors) {
      if (found || node.values.length <= maxLength) return;
      found = { path: literalPath(parent ? [...ancestors, parent] : ancestors), length: node.values.length };
    },
  });
  return found;
}

/** `filter.participantIds` from the argument and object fields above a literal. */
export function literalPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string {
  const names: string[] = [];
  for (const ancestor of ancestors) {
    if ("kind" in ancestor && (ancestor.kind === Kind.ARGUMENT || ancestor.kind === Kind.OBJECT_FIELD)) names.push(ancestor.name.value);
  }
  return names.join(".") || "a list";
}

/** The first list longer than `maxLength` anywhere in the variables, or null. Iterative: nesting depth cannot overflow the stack. */
export function longListInVariables(variables: Record<string, unknown> | undefined, maxLength: number): LongList | null {
  const pending: [string, unknown][] = Object.entries(variables ?? {}).map(([name, value]) => [`$${name}`, value]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [path, value] = next;
    if (Array.isArray(value)) {
      if (value.length > maxLength) return { path, length: value.length };
      value.forEach((item, i) => pending.push([`${path}.${i}`, item]));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) pending.push([`${path}.${key}`, item]);
    }
  }
  return null;
}

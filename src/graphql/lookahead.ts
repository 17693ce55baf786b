/**
 * What the client asked of a field's result, read from the query before resolving it: a root
 * resolver that knows which nested fields are selected can read them in its own statement and
 * spare the request a round trip per level.
 */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/** The part of a resolver's `info` the lookahead reads: the field and the fragments it may use. */
export type Selection = Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">;

function fieldsOf(selectionSet: SelectionSetNode | undefined, fragments: Selection["fragments"]): FieldNode[] {
  return (selectionSet?.selections ?? []).flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const nested = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragments[selection.name.value]?.selectionSet;
    return fieldsOf(nested, fragments);
  });
}

/**
 * The field nodes at `path` below the field being resolved, through fragments: e.g.
 * `["edges", "node", "participants"]` under a connection. Directives are not evaluated, so a
 * field under `@skip` counts as selected; reading it in advance then costs only the read.
 */
export function selectedFields({ fieldNodes, fragments }: Selection, path: string[]): readonly FieldNode[] {
  const walk = () =>
    path.reduce<FieldNode[]>(
      (nodes, name) => nodes.flatMap((node) => fieldsOf(node.selectionSet, fragments).filter((field) => field.name.value === name)),
      [...fieldNodes],
    );
  if (fieldNodes.length !== 1) return walk();
  // A field node belongs to one document, and Apollo Server keeps a query's document between
  // requests: the walk's answer holds for every request of that query, so it is kept.
  let byPath = known.get(fieldNodes[0]!);
  if (!byPath) known.set(fieldNodes[0]!, (byPath = new Map()));
  const key = path.join(".");
  let found = byPath.get(key);
  if (!found) byPath.set(key, (found = walk()));
  return found;
}

const known = new WeakMap<FieldNode, Map<string, readonly FieldNode[]>>();

export const selects = (selection: Selection, path: string[]): boolean => selectedFields(selection, path).length > 0;

/** The names of the fields selected one level below `path`, sorted and without repeats. */
export function selectedNames(selection: Selection, path: string[]): string[] {
  const below = selectedFields(selection, path).flatMap((node) => fieldsOf(node.selectionSet, selection.fragments));
  return [...new Set(below.map((field) => field.name.value))].sort();
}

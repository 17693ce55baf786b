/**
 * What a cached answer depends on, as tags (docs/decisions/0011-response-cache.md):
 * - `id:<id>` for every object the answer shows, whether or not the query selected its id
 *   (recorded as the resolvers return them), and for every id the request names: a write that
 *   changes the object itself touches it;
 * - `links:<id>` as well, unless the answer selects nothing of the object but its own stored
 *   fields (OWN_FIELDS). A list of a person, meeting, statement or other non-hub object (a
 *   person's meetings, a meeting's participants) is the object's own: it hangs from an object the
 *   answer shows, so it depends on that object's links, which a write that changes the list's
 *   members touches (src/cache/invalidation.ts);
 * - `lists:wide` for the entry points other than a lookup by id, and for the lists of the hubs
 *   (countries, places, topics, organizations, sources): what they gather is more than one hop
 *   away, or anywhere in the graph.
 */
import {
  Kind,
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

export const idTag = (id: string) => `id:${id}`;
/** What hangs from an object's relationships: its lists, its counts, whatever is computed from its neighbours. */
export const linksTag = (id: string) => `links:${id}`;
export const WIDE_LISTS = "lists:wide";

/**
 * Fields that are a node's own stored properties, which only a write that names the object
 * changes (it reports the object among the ids it wrote): an answer selecting nothing else of
 * such an object does not depend on what writes link to it. A popular person shown by name on
 * other people's pages and on meeting pages then stays cached while they join meetings. A type
 * not listed here depends on its links whatever the answer selects of it (a loader computes some
 * fields that look like properties, such as a meeting's duration from its claims).
 */
const OWN_FIELDS: Record<string, ReadonlySet<string>> = { Person: new Set(["__typename", "id", "name"]) };

/** Types whose lists gather nodes more than one hop away (a country's meetings are held at places within places within it). */
const HUBS = new Set(["Query", "Country", "Place", "Topic", "Organization", "Source"]);

/** Root fields whose answer changes without any write: never cached. */
const UNCACHEABLE_ROOT_FIELDS = new Set(["health"]);

const hasId = (type: GraphQLNamedType) => (isObjectType(type) && "id" in type.getFields()) || isAbstractType(type);

/** The ids of the objects an answer shows, and of those among them whose links it reads too. */
export interface ShownIds {
  ids: Set<string>;
  linked: Set<string>;
}

/** Recorded per request context, while a cache lookup missed and the answer may be stored. */
const shown = new WeakMap<object, ShownIds>();

/** Starts recording the ids of the objects `context`'s request resolves. */
export function recordShownIds(context: object): ShownIds {
  const ids: ShownIds = { ids: new Set(), linked: new Set() };
  shown.set(context, ids);
  return ids;
}

/** Per field of a parsed document (each document is parsed once and kept): whether it selects only OWN_FIELDS. */
const ownOnly = new WeakMap<FieldNode, boolean>();

function selectsOnly(set: SelectionSetNode, own: ReadonlySet<string>, fragments: Record<string, FragmentDefinitionNode>): boolean {
  return set.selections.every((selection) => {
    if (selection.kind === Kind.FIELD) return own.has(selection.name.value);
    if (selection.kind === Kind.INLINE_FRAGMENT) return selectsOnly(selection.selectionSet, own, fragments);
    const fragment = fragments[selection.name.value];
    return fragment !== undefined && selectsOnly(fragment.selectionSet, own, fragments);
  });
}

/** Whether the answer reads the links of what `info`'s field returns, not only its own stored fields. */
function readsLinks(info: GraphQLResolveInfo): boolean {
  const own = OWN_FIELDS[getNamedType(info.returnType).name];
  if (!own) return true;
  return !info.fieldNodes.every((node) => {
    let only = ownOnly.get(node);
    if (only === undefined) ownOnly.set(node, (only = node.selectionSet !== undefined && selectsOnly(node.selectionSet, own, info.fragments)));
    return only;
  });
}

function record(ids: ShownIds, value: unknown, linked: boolean): void {
  if (value === null || typeof value !== "object") return;
  if (value instanceof Promise) {
    value.then(
      (resolved) => record(ids, resolved, linked),
      () => undefined,
    );
  } else if (Array.isArray(value)) {
    for (const item of value) record(ids, item, linked);
  } else if (typeof (value as { id?: unknown }).id === "string") {
    const { id } = value as { id: string };
    ids.ids.add(id);
    if (linked) ids.linked.add(id);
  }
}

/**
 * Wraps every field that returns objects with ids (or lists of them) so that the request's
 * answer records their ids. Done once on the schema, before anything compiles it.
 */
export function recordIdsOnResolve(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!hasId(getNamedType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        const ids = typeof context === "object" && context !== null ? shown.get(context) : undefined;
        if (ids && value !== null && value !== undefined) record(ids, value, readsLinks(info));
        return value;
      };
    }
  }
}

/** A root field that looks one object up by its id: what it answers depends on that object alone. */
function isLookup(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.length === 1 && field.args[0]!.name === "id" && !isListType(getNullableType(field.type)) && hasId(getNamedType(field.type));
}

/** The list tags of a document, and whether it may be cached at all; null when it may not. */
export function documentTags(schema: GraphQLSchema, document: DocumentNode): string[] | null {
  const typeInfo = new TypeInfo(schema);
  const tags = new Set<string>();
  let cacheable = true;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        if (parent.name === "Query" && UNCACHEABLE_ROOT_FIELDS.has(field.name)) cacheable = false;
        const gathers =
          parent.name === "Query" ? !isLookup(field) : isListType(getNullableType(field.type)) || getNamedType(field.type).name.endsWith("Connection");
        if (gathers && HUBS.has(parent.name)) tags.add(WIDE_LISTS);
      },
    }),
  );
  return cacheable ? [...tags] : null;
}

/** Every string the request names, in its document or its variables: the ids it asks about, among other words. */
export function namedStrings(document: DocumentNode, variables: unknown): string[] {
  const strings = new Set<string>();
  visit(document, {
    StringValue(node) {
      strings.add(node.value);
    },
  });
  const collect = (value: unknown): void => {
    if (typeof value === "string") strings.add(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(variables);
  return [...strings];
}

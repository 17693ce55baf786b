/**
 * Ids in arguments have a maximum length. The graph holds no longer id, so the answer would be
 * "not found" anyway, and a write would fail in Neo4j's index (its keys have a size limit).
 * Checked on the document's literals and on the variables, by each argument's declared type.
 */
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { literalPath, type LongList } from "./lists.js";

/** An id argument over the limit: where it is and how long it is. */
export type LongId = LongList;

const isId = (type: GraphQLInputType | null | undefined) => type !== null && type !== undefined && getNamedType(type).name === "ID";

const checkedDocuments = new WeakMap<DocumentNode, Map<number, LongId | null>>();

/** The first ID literal longer than `maxLength` in the document, or null. Apollo reuses a parsed document, so each is checked once per limit. */
export function longIdInDocument(schema: GraphQLSchema, document: DocumentNode, maxLength: number): LongId | null {
  const checked = checkedDocuments.get(document) ?? new Map<number, LongId | null>();
  checkedDocuments.set(document, checked);
  if (!checked.has(maxLength)) checked.set(maxLength, findLongIdLiteral(schema, document, maxLength));
  return checked.get(maxLength)!;
}

function findLongIdLiteral(schema: GraphQLSchema, document: DocumentNode, maxLength: number): LongId | null {
  const typeInfo = new TypeInfo(schema);
  let found: LongId | null = null;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node, _key, parent, _path, ancestors) {
        if (found || node.value.length <= maxLength || !isId(typeInfo.getInputType())) return;
        found = { path: literalPath(parent ? [...ancestors, parent] : ancestors), length: node.value.length };
      },
    }),
  );
  return found;
}

/** The first ID longer than `maxLength` in the variables, following each variable's declared type; null when none. */
export function longIdInVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  maxLength: number,
): LongId | null {
  const pending: [string, GraphQLInputType, unknown][] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    const name = definition.variable.name.value;
    if (type && variables && name in variables) pending.push([`$${name}`, type as GraphQLInputType, variables[name]]);
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [path, type, value] = next;
    const nullable = getNullableType(type);
    if (typeof value === "string") {
      if (isId(nullable) && value.length > maxLength) return { path, length: value.length };
    } else if (isListType(nullable)) {
      // A single value where a list is declared is coerced into a list of one.
      const items: unknown[] = Array.isArray(value) ? value : [value];
      items.forEach((item, i) => pending.push([Array.isArray(value) ? `${path}.${i}` : path, nullable.ofType as GraphQLInputType, item]));
    } else if (isInputObjectType(nullable) && value !== null && typeof value === "object") {
      for (const field of Object.values(nullable.getFields())) {
        if (field.name in value) pending.push([`${path}.${field.name}`, field.type, (value as Record<string, unknown>)[field.name]]);
      }
    }
  }
  return null;
}

/**
 * Validation failures a client can fix, answered in a payload's `errors` instead of as GraphQL
 * errors. Thrown as `UserErrors` (inside a transaction, that rolls it back: nothing is written).
 */
import type { z } from "zod";

export interface UserError {
  field: string[];
  code: string;
  message: string;
}

export class UserErrors extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => `${e.field.join(".")}: ${e.message}`).join("; "));
    this.name = "UserErrors";
  }
}

/** Collects problems, then throws them all at once. */
export class Problems {
  readonly list: UserError[] = [];

  add(field: (string | number)[], code: string, message: string): void {
    this.list.push({ field: field.map(String), code, message });
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new UserErrors(this.list);
  }
}

/** A zod issue's code as a UserError code: blank text is EMPTY, bad dates say so (src/model/entries.ts tags them), the rest INVALID. */
function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "too_small" && issue.origin === "string") return "EMPTY";
  if (issue.code === "custom" && typeof issue.params?.code === "string") return issue.params.code;
  return "INVALID";
}

/** Parses `value` with one of the entry schemas (src/model/entries.ts), the paths of its issues prefixed by `field`. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, field: string[], problems: Problems): z.infer<S> | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.add([...field, ...issue.path.map(String)], codeOf(issue), issue.message);
  return null;
}

/** Parses, and throws every problem found when the value does not fit. */
export function parsed<S extends z.ZodType>(schema: S, value: unknown, field: string[]): z.infer<S> {
  const problems = new Problems();
  const result = parseWith(schema, value, field, problems);
  problems.throwIfAny();
  return result as z.infer<S>;
}

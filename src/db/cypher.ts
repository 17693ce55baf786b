/**
 * Cypher that is parameterized by construction: in a `cypher` template every interpolated value
 * becomes a parameter, and only fragments (other templates), identifiers and checked integer
 * literals are written into the text. Parameters are numbered in the order they appear, so a
 * statement of the same shape always has the same text, and Neo4j plans it once.
 */

// Only this module makes fragments: text from anywhere else arrives as a value, so as a parameter.
const made = Symbol("Fragment");

/** A piece of Cypher: text written by the programmer, with values kept apart until `statement` numbers them. */
export class Fragment {
  constructor(
    token: typeof made,
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {
    if (token !== made) throw new Error("Fragments come from cypher`…`, identifier(), integer() or constant()");
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A variable, label or property name written into the text; anything else is a bug. */
export function identifier(name: string): Fragment {
  if (!IDENTIFIER.test(name)) throw new Error(`${JSON.stringify(name)} is not a Cypher identifier`);
  return new Fragment(made, [name], []);
}

/**
 * An integer written into the text, where Cypher takes no parameter (a variable-length bound) or
 * the planner should see the figure (a LIMIT it sizes its plan by).
 */
export function integer(value: number): Fragment {
  if (!Number.isSafeInteger(value)) throw new Error(`${value} is not an integer to write into Cypher`);
  return new Fragment(made, [String(value)], []);
}

/**
 * Text built from the service's own constants by a module not yet written with `cypher` (e.g.
 * PERSON_FIELDS): the one way in for text that is not a template, to be removed as modules move.
 */
export const constant = (text: string) => new Fragment(made, [text], []);

/** The tag: `cypher\`MATCH (p:Person {id: ${id}})\`` sends `id` as `$p0`. */
export function cypher(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  return new Fragment(made, strings, values);
}

/** Fragments one after another, `separator` between them. */
export function join(fragments: Fragment[], separator: string): Fragment {
  if (fragments.length === 0) return new Fragment(made, [""], []);
  const strings = ["", ...fragments.slice(1).map(() => separator), ""];
  return new Fragment(made, strings, fragments);
}

export interface Statement {
  text: string;
  params: Record<string, unknown>;
}

/** The text to send and its parameters, `$p0`, `$p1`… in order of appearance. */
export function statement(fragment: Fragment): Statement {
  const params: Record<string, unknown> = {};
  const write = ({ strings, values }: Fragment): string =>
    strings.reduce((text, string, i) => {
      if (i === 0) return string;
      const value = values[i - 1];
      if (value instanceof Fragment) return text + write(value) + string;
      const name = `p${Object.keys(params).length}`;
      params[name] = value;
      return `${text}$${name}${string}`;
    });
  return { text: write(fragment), params };
}

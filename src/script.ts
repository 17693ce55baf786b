/**
 * How every command-line entry point ends: exit with main's code, or print a failure the
 * user can act on. Errors meant for the user (`UserFacingError`) print their message only;
 * anything else is a bug and prints its stack.
 */

/** An error whose message already says what went wrong and what to do: no stack trace needed. */
export class UserFacingError extends Error {
  override name = this.constructor.name;
}

/** A bad command-line flag or value. */
export class UsageError extends UserFacingError {}

/** Prints a failure for a person at a terminal: the message, the usage for a bad flag, a stack only for a bug. */
export function reportFailure(error: unknown, usage: string, prefix = ""): void {
  const badFlag = String((error as { code?: string }).code).startsWith("ERR_PARSE_ARGS");
  if (badFlag || error instanceof UsageError) console.error(`${(error as Error).message}\n\n${usage}`);
  else if (error instanceof UserFacingError) console.error(`${prefix}${error.message}`);
  else console.error(`${prefix}Unexpected failure (a bug; please report it):`, error);
}

/** Runs a script's main and exits with its code, or with 1 after reporting the failure. */
export function runScript(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      reportFailure(error, usage);
      process.exit(1);
    },
  );
}

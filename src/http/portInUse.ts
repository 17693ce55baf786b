import { UserFacingError } from "../script.js";

/** `error` in one line naming the port and the setting that moves it, when another process holds the port; otherwise as it is. */
export function explainListenError(error: unknown, port: number, host: string | undefined, setting: string): unknown {
  if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") return error;
  return new UserFacingError(
    `Port ${port}${host ? ` on ${host}` : ""} is already in use by another process: stop that process, or set ${setting} to a free port.`,
  );
}

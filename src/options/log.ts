/** Where the client's log lines go: `console`, or anything with the same four methods (pino, winston, ...). */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

/** How much the client says: `"off"`, or the least severe level that is still written. */
export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

/** The levels, least verbose first. */
export const LOG_LEVELS: readonly LogLevel[] = ["off", "error", "warn", "info", "debug"];

/** A log line, built only when its level is written (a line below the level costs no string work). */
export type LogLine = () => string;

/**
 * The client's own log: one method per level, each a no-op below the chosen level. Every line is redacted first:
 * the client's known secrets, any `Bearer` credential, and `secrets` (the call's own, such as a caller's header).
 */
export interface Log {
  readonly level: LogLevel;
  debug(line: LogLine, secrets?: Iterable<string>): void;
  info(line: LogLine, secrets?: Iterable<string>): void;
  warn(line: LogLine, secrets?: Iterable<string>): void;
  error(line: LogLine, secrets?: Iterable<string>): void;
}

/** What {@link createLog} needs. */
export interface LogOptions {
  logger: Logger;
  level: LogLevel;
  /** Hides credentials in a line before it is written (the client's redactor), the call's own `secrets` too. */
  redact: (text: string, secrets?: Iterable<string>) => string;
}

const PREFIX = "zuora-multi-entity: ";

/**
 * A {@link Log} writing to `logger` at `level` and above; the methods below the level are no-ops. The logger's
 * failures (a throw, a rejected promise) are ignored: a log line observes the call and must not change it.
 */ export function createLog(options: LogOptions): Log {
  const rank = LOG_LEVELS.indexOf(options.level);
  const method = (level: Exclude<LogLevel, "off">) => {
    if (LOG_LEVELS.indexOf(level) > rank) return () => {};
    return (line: LogLine, secrets?: Iterable<string>) => {
      try {
        const written: unknown = options.logger[level](PREFIX + options.redact(line(), secrets));
        if (written instanceof Promise) written.catch(() => {});
      } catch {}
    };
  };
  return {
    level: options.level,
    debug: method("debug"),
    info: method("info"),
    warn: method("warn"),
    error: method("error"),
  };
}

/**
 * `ZUORA_LOG` from the environment where the runtime has one (Node, Bun, Deno with `--allow-env`), else undefined.
 * Never throws: a runtime that forbids reading the environment simply has none.
 */
export function logLevelFromEnvironment(): string | undefined {
  try {
    const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
    const value = env?.ZUORA_LOG;
    return value === undefined || value.trim() === "" ? undefined : value.trim().toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether `value` names a {@link LogLevel}. */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (LOG_LEVELS as readonly string[]).includes(value);
}

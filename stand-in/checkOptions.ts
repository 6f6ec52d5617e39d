/** The longest delay `setTimeout` honours, in ms; a longer one fires at once (with a warning from Node). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Refuses options a stand-in could not work with, when it is made rather than on every request afterwards: a
 * TypeError for a value of the wrong kind, a RangeError for a number out of range, each naming the option
 * (`options.limits.now`) and the rule, and saying what it got (a number as it is, anything else by its kind). An
 * option given as `undefined` counts as not given; `null` does not.
 */
export function checkStandInOptions(options: unknown): void {
  if (options === undefined) return;
  const given = object("options", options);
  const { latencyMs, maxBodyBytes, limits, auth, tenantId, global, users } = given;
  number("options.latencyMs", latencyMs, { min: 0, max: MAX_TIMER_MS, what: "a number of ms" });
  number("options.maxBodyBytes", maxBodyBytes, {
    min: 1,
    max: Number.MAX_SAFE_INTEGER,
    what: "a whole number of bytes",
    whole: true,
  });
  if (limits !== undefined) {
    const { concurrency, perMinute, now } = object("options.limits", limits);
    for (const [name, value] of [
      ["concurrency", concurrency],
      ["perMinute", perMinute],
    ] as const) {
      number(`options.limits.${name}`, value, {
        min: 1,
        max: Number.MAX_SAFE_INTEGER,
        what: "a whole number",
        whole: true,
      });
    }
    fn("options.limits.now", now);
  }
  if (auth !== undefined) {
    const { tokens, clients, tokenLifetimeSeconds, now } = object("options.auth", auth);
    if (tokens !== undefined && tokens !== "any" && tokens !== "issued") {
      throw new TypeError(`createStandIn: options.auth.tokens must be "any" or "issued", got ${shown(tokens)}`);
    }
    if (clients !== undefined) {
      for (const [id, secret] of Object.entries(object("options.auth.clients", clients))) {
        if (typeof secret !== "string") {
          throw new TypeError(
            `createStandIn: options.auth.clients must map each client id to its secret, a string; ${JSON.stringify(id)} maps to ${shown(secret)}`,
          );
        }
      }
    }
    number("options.auth.tokenLifetimeSeconds", tokenLifetimeSeconds, {
      min: 1,
      max: Math.floor(MAX_TIMER_MS / 1000),
      what: "a whole number of seconds",
      whole: true,
    });
    fn("options.auth.now", now);
  }
  if (tenantId !== undefined && typeof tenantId !== "string") {
    throw new TypeError(`createStandIn: options.tenantId must be a string, got ${shown(tenantId)}`);
  }
  if (global !== undefined) object("options.global", global);
  if (users !== undefined) object("options.users", users);
}

function object(option: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new TypeError(`createStandIn: ${option} must be an object (or left out), got ${shown(value)}`);
  }
  return value as Record<string, unknown>;
}

function number(option: string, value: unknown, rule: { min: number; max: number; what: string; whole?: boolean }) {
  if (value === undefined) return;
  const problem = `createStandIn: ${option} must be ${rule.what} from ${rule.min} to ${rule.max}, got ${shown(value)}`;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(problem);
  if (value < rule.min || value > rule.max || (rule.whole && !Number.isInteger(value))) throw new RangeError(problem);
}

function fn(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(`createStandIn: ${option} must be a function, got ${shown(value)}`);
  }
}

/** Names a value for a message: a number or a short string as it is, anything else by its kind. */
function shown(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : typeof value;
}

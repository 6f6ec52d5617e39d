import type { SecretRedactor } from "../errors/redact.js";
import { redactedCause } from "../errors/redactedCause.js";
import { ZuoraAuthenticationError } from "../errors/ZuoraApiError.js";
import { abortable } from "../pipeline/abortable.js";
import { checkTokenShape } from "./checkToken.js";
import { SharedFlight } from "./sharedFlight.js";

/**
 * A token as handed out, with the generation it belongs to. Generations tell two 401s apart that refuse the same
 * string: a token re-issued by a refresh is a new generation, so a 401 for it refreshes again, while the 401s of
 * calls that set out with the old generation share the refresh already made.
 */
export interface TokenLease {
  readonly token: string;
  readonly generation: number;
}

/** Where the bearer token comes from, as the auth policy sees it. */
export interface TokenSource {
  /** A token to send now; rejects with the signal's reason as soon as it aborts. */
  get(signal: AbortSignal | undefined): Promise<TokenLease>;
  /**
   * A token to replace `refused` after a 401: one refresh per refused generation, shared by every call refused with
   * it. Undefined when this source cannot refresh (a static token).
   */
  refresh?(refused: TokenLease, signal: AbortSignal | undefined): Promise<TokenLease>;
}

/** Called for a token; `forceRefresh` is true after Zuora refused the last one with a 401. */
export type TokenProvider = (context: {
  forceRefresh: boolean;
  /** Aborts when no call waits for this token any more (each caller's abort, or all of them for a refresh). */
  signal?: AbortSignal;
}) => string | Promise<string>;

/** A fixed token: sent as is, never refreshed, so a 401 is final. */
export function staticTokenSource(token: string): TokenSource {
  const lease: TokenLease = { token, generation: 0 };
  return { get: (signal) => (signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve(lease)) };
}

/**
 * A caller's token function. A 401 asks it again with `forceRefresh: true`, once per refused generation: the 401s of
 * every call that set out with that token, whenever they arrive, share the one refresh. While a refresh runs, calls
 * wait for it rather than ask for a token that may be the refused one. Whatever the function returns is checked
 * before it is sent; a throw or a bad token is a {@link ZuoraAuthenticationError} naming the `auth` option.
 */
export function providerTokenSource(provider: TokenProvider, redactor: SecretRedactor): TokenSource {
  let generation = 0;
  const refreshes = new SharedFlight<TokenLease>();

  const ask = async (forceRefresh: boolean, signal: AbortSignal): Promise<string> => {
    let token: unknown;
    try {
      token = await abortable(
        Promise.resolve().then(() => provider({ forceRefresh, signal })),
        signal,
      );
    } catch (error) {
      if (signal.aborted && error === signal.reason) throw error;
      throw new ZuoraAuthenticationError({
        message: redactor.redact(
          `option auth: the token function failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
        attempts: 0,
        cause: redactedCause(error, (text) => redactor.redact(text)),
      });
    }
    const problem = checkTokenShape(token);
    if (problem) {
      throw new ZuoraAuthenticationError({
        message: `option auth: the token function's result ${problem}`,
        attempts: 0,
      });
    }
    redactor.add(token as string);
    return token as string;
  };

  return {
    async get(signal) {
      signal?.throwIfAborted();
      const running = refreshes.joinRunning(signal);
      if (running) return running;
      const own = new AbortController();
      const token = await abortable(ask(false, signal ?? own.signal), signal);
      return { token, generation };
    },
    refresh(refused, signal) {
      // A newer generation exists (made or being made): the refused token was already replaced.
      if (refused.generation < generation) return refreshes.joinRunning(signal) ?? this.get(signal);
      generation++;
      const made = generation;
      return refreshes.join(
        async (flightSignal) => ({ token: await ask(true, flightSignal), generation: made }),
        signal,
      );
    },
  };
}

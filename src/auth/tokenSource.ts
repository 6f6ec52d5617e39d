/** Where the bearer token comes from, as the auth policy sees it. */
export interface TokenSource {
  /** A token to send now. */
  get(): Promise<string>;
  /** A token to replace `stale` after a 401, or undefined when this source cannot refresh (a static token). */
  refresh?(stale: string): Promise<string>;
}

/** Called for a token; `forceRefresh` is true after Zuora refused the last one with a 401. */
export type TokenProvider = (context: { forceRefresh: boolean }) => string | Promise<string>;

/** A fixed token: sent as is, never refreshed, so a 401 is final. */
export function staticTokenSource(token: string): TokenSource {
  const value = Promise.resolve(token);
  return { get: () => value };
}

/**
 * A caller's token function. A 401 asks it again with `forceRefresh: true`; concurrent 401s for the same token share
 * one such call.
 */
export function providerTokenSource(provider: TokenProvider): TokenSource {
  let refreshing: { stale: string; fresh: Promise<string> } | null = null;
  return {
    get: async () => provider({ forceRefresh: false }),
    refresh(stale) {
      if (refreshing?.stale === stale) return refreshing.fresh;
      const fresh = Promise.resolve(provider({ forceRefresh: true })).finally(() => {
        refreshing = null;
      });
      refreshing = { stale, fresh };
      return fresh;
    },
  };
}

import { ZuoraApiError } from "../errors/ZuoraApiError.js";
import type { CallOptions } from "./callOptions.js";
import type { Call, Row } from "./makeHelpers.js";

type Values = Record<string, unknown>;

/**
 * How many empty pages in a row, each still announcing a next one, end the walk: a listing may have an empty page
 * (its items filtered away), but a server that sends empty pages forever would make it endless.
 */
export const MAX_EMPTY_PAGES = 20;

/**
 * Every item of every page: asks for page 1 (the spec's default page), then the next page number for as long as the
 * response carries the row's `next` field. An empty page that announces a next one does not end the walk (up to
 * fewer than {@link MAX_EMPTY_PAGES} in a row). A page whose items are not a list, or whose items repeat those of any earlier
 * page (a server that ignores the page number, or cycles A, B, A), ends the walk with a ZuoraApiError. Every page is
 * one call with the same query values and options (so the same headers); breaking out of the loop stops it, and an
 * abort rejects the page in flight or the next one.
 */
export function pager(call: Call, row: Row, pagination: NonNullable<Row["pagination"]>, baseUrl: string) {
  const first = Number(row.query[pagination.page]?.default ?? 1);
  return async function* (givenQuery?: Values | null, givenOptions?: CallOptions | null): AsyncGenerator<unknown> {
    // null counts as none, as it does for a helper's options.
    const query = givenQuery ?? {};
    const options = givenOptions ?? {};
    // Fingerprints of the pages seen, not the pages: a long walk keeps a number per page, not its items.
    const seen = new Set<number>();
    let emptyInARow = 0;
    for (let page = first; ; page++) {
      options.signal?.throwIfAborted();
      const { data, response } = await call({}, undefined, { ...query, [pagination.page]: page }, options);
      const stop = (problem: string) =>
        new ZuoraApiError({
          message: `${row.method} ${baseUrl}${row.path} answered page ${page} ${problem}; the walk stops here`,
          status: response.status,
          attempts: 1,
        });
      const items = data[pagination.items];
      if (!Array.isArray(items)) throw stop(`with ${pagination.items} that is not a list`);
      const more = data[pagination.next] !== undefined && data[pagination.next] !== null;
      if (items.length === 0) {
        if (!more) return;
        if (++emptyInARow >= MAX_EMPTY_PAGES) throw stop(`empty, ${MAX_EMPTY_PAGES} empty pages in a row`);
        continue;
      }
      emptyInARow = 0;
      // A server that ignores the page number sends the same items (and nextPage) for every page, or cycles through
      // a few: the walk would never end. Two pages of one listing never hold the same items.
      const fingerprint = hash(JSON.stringify(items));
      if (seen.has(fingerprint)) throw stop("with the items of an earlier page, so it ignores the page number");
      seen.add(fingerprint);
      for (const item of items) {
        // An abort stops the walk at once, not at the end of the page already received.
        options.signal?.throwIfAborted();
        yield item;
      }
      // The next page is asked for by number, not by following the URL Zuora sends: that URL could name another
      // host than the client's baseUrl, and the request would leave the client's policies.
      if (!more) return;
    }
  };
}

/** A 53-bit hash of a string (cyrb53): equal pages give equal numbers, and different ones collide about never. */
function hash(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

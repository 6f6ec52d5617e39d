import { constraints } from "../../generated/constraints.js";

const pagination = constraints.operations.listConnections.pagination;
const rules = constraints.operations.listConnections.query;

/** The next page's URL of each page URL lately asked for: a test pages through the same few lists again and again. */
const nextPages = new Map<string, string>();
/** How many next-page URLs {@link nextPages} keeps before it starts over (it stays small, whatever the callers ask). */
const NEXT_PAGES_KEPT = 256;

/**
 * One page of `items` by the `page` and `pageSize` query values of `url` (the spec's defaults when absent), in the
 * shape the spec's paginated list answers take: the page's items, and the URL of the next page unless it is the last.
 */
export function pageOf(items: readonly unknown[], url: URL): Record<string, unknown> {
  const { page, size, start } = pageRange(url);
  const body: Record<string, unknown> = { [pagination.items]: items.slice(start, start + size) };
  if (start + size < items.length) body[pagination.next] = nextPage(url, page, size);
  return body;
}

/** The URL of the page after `url`'s (page `page` of `size` items), remembered: parsing and editing a URL is dear. */
function nextPage(url: URL, page: number, size: number): string {
  const known = nextPages.get(url.href);
  if (known !== undefined) return known;
  const next = new URL(url);
  next.searchParams.set(pagination.page, String(page + 1));
  next.searchParams.set(pagination.pageSize, String(size));
  if (nextPages.size >= NEXT_PAGES_KEPT) nextPages.clear();
  nextPages.set(url.href, next.href);
  return next.href;
}

/**
 * The page `url` asks for (the spec's defaults when absent): its number, its size, and the index of its first item.
 * {@link pageOf} needs no more than `start + size + 1` items, to know whether a next page follows.
 */
export function pageRange(url: URL): { page: number; size: number; start: number } {
  const page = Number(url.searchParams.get(pagination.page) ?? rules.page.default);
  const size = Number(url.searchParams.get(pagination.pageSize) ?? rules.pageSize.default);
  return { page, size, start: (page - 1) * size };
}

/**
 * `METHOD origin/path` of a request, as messages name it: the origin shows which server was called (a wrong
 * `baseUrl` is visible at a glance), the query is left out.
 */
export function target(request: { method: string; url: string }): string {
  try {
    const url = new URL(request.url);
    return `${request.method} ${url.origin}${url.pathname}`;
  } catch {
    return `${request.method} ${request.url}`;
  }
}

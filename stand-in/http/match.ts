import { constraints } from "../../generated/constraints.js";

/** The spec's operation IDs. */
export type OperationId = keyof typeof constraints.operations;
/** One operation's row of the generated operation table. */
export type OperationRow = (typeof constraints.operations)[OperationId];

/** A request matched to the operation of the spec it addresses. */
export interface Matched {
  operationId: OperationId;
  row: OperationRow;
  /** The path parameters, percent-decoded. */
  pathParams: Record<string, string>;
}

const ROWS = (Object.values(constraints.operations) as OperationRow[]).map((row) => {
  const template = row.path.split("/");
  // Each segment's parameter name, or undefined for a literal segment.
  const params = template.map((part) => /^\{(.+)\}$/.exec(part)?.[1]);
  return { row, template, params };
});
/** The first segments of the spec's paths (`v1`, `oauth`): where a spec path begins inside a longer one. */
const ROOTS = new Set(ROWS.map(({ template }) => template[1] ?? ""));
/** The rows by method, then by number of segments: the only ones a path can match (a lookup, not a string key). */
const CANDIDATES = new Map<string, (typeof ROWS)[number][][]>();
for (const entry of ROWS) {
  const byLength = CANDIDATES.get(entry.row.method) ?? [];
  CANDIDATES.set(entry.row.method, byLength);
  const length = entry.template.length;
  byLength[length] = [...(byLength[length] ?? []), entry];
}

/**
 * Finds the operation a request addresses, from the generated operation table (so a new operation in the spec is
 * routed without an edit here), or undefined. The path may carry a prefix (a base URL such as
 * `https://proxy.example.com/zuora`): the spec path is read from the first segment where one of the spec's paths
 * begins that matches an operation. A path parameter is one non-empty segment, as the client encodes it.
 */
export function matchOperation(method: string, pathname: string): Matched | undefined {
  const segments = pathname.split("/");
  for (let start = 1; start < segments.length; start++) {
    if (!ROOTS.has(segments[start] ?? "")) continue;
    const matched = matchFrom(method, segments, start - 1);
    if (matched) return matched;
  }
  return undefined;
}

/** Matches `segments` from `offset` (the empty segment before the spec path's first `/`) to the end. */
function matchFrom(method: string, segments: readonly string[], offset: number): Matched | undefined {
  rows: for (const { row, template, params } of CANDIDATES.get(method)?.[segments.length - offset] ?? []) {
    // Segment 0 of a template is the empty one before its first "/", where a prefix may end instead.
    for (let i = 1; i < template.length; i++) {
      const segment = segments[offset + i] ?? "";
      if (params[i] === undefined ? template[i] !== segment : segment.length === 0) continue rows;
    }
    const pathParams: Record<string, string> = {};
    for (let i = 1; i < template.length; i++) {
      const param = params[i];
      if (param !== undefined) pathParams[param] = safeDecode(segments[offset + i] ?? "");
    }
    return { operationId: row.operationId, row, pathParams };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  if (!segment.includes("%")) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

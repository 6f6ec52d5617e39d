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

const ROWS = Object.values(constraints.operations) as OperationRow[];

/**
 * Finds the operation a request addresses, from the generated operation table (so a new operation in the spec is
 * routed without an edit here), or undefined. A path parameter is one non-empty segment, as the client encodes it.
 */
export function matchOperation(method: string, pathname: string): Matched | undefined {
  const segments = pathname.split("/");
  for (const row of ROWS) {
    if (row.method !== method) continue;
    const template = row.path.split("/");
    if (template.length !== segments.length) continue;
    const pathParams: Record<string, string> = {};
    const fits = template.every((part, i) => {
      const segment = segments[i] ?? "";
      const param = /^\{(.+)\}$/.exec(part)?.[1];
      if (param === undefined) return part === segment;
      pathParams[param] = safeDecode(segment);
      return segment.length > 0;
    });
    if (fits) return { operationId: row.operationId, row, pathParams };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

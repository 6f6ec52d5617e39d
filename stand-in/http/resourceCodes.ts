import { constraints } from "../../generated/constraints.js";
import { NO_PAYLOAD_RESOURCE } from "../tenant/reasons.js";
import type { OperationId } from "./match.js";

/**
 * The resource part (the first six digits) of a refusal's reason code. Zuora picks it from the request's payload: the
 * object the body describes, or the field of it the refusal is about; a request without a payload gets `500000`.
 * Zuora publishes no resource codes for the Multi-entity operations, so the stand-in makes its own for a request with
 * a body: `58` then two digits for the operation (its place among the operations that take a body, in the spec's
 * order) then two for the field (its place among the operation's fields; `00` for the object as a whole, or a field
 * the operation does not take). They are stable for one version of the spec, and never `500000`: a test compares the
 * category (the last two digits), and `500000` only for a request without a body.
 */
const BASE = 580000;

/** Each operation that takes a body, with its object code and its fields' places. */
const OBJECTS = new Map<string, { code: number; fields: string[] }>(
  Object.values(constraints.operations)
    .filter((op) => op.body)
    .map((op, i) => [op.operationId, { code: BASE + (i + 1) * 100, fields: Object.keys(op.fields) }]),
);

/**
 * The resource code of a refusal of `operationId`.
 *
 * @param hasPayload - Whether the request carried a JSON body the operation takes.
 * @param field - The body field the refusal is about, if one.
 */
export function resourceCode(operationId: OperationId | undefined, hasPayload: boolean, field?: string): number {
  const object = operationId === undefined ? undefined : OBJECTS.get(operationId);
  if (!hasPayload || !object) return NO_PAYLOAD_RESOURCE;
  const place = field === undefined ? -1 : object.fields.indexOf(field);
  return object.code + place + 1;
}

import type { ValidationRule } from "../../rules/checkValue.js";
import { ZuoraError } from "./ZuoraError.js";

// Declared with the request rules (rules/checkValue.ts), which name the rule a finding broke; users import it here.
export type { ValidationRule };

/** What {@link ZuoraValidationError} knows about the violation. */
export interface ValidationDetails {
  /** The operation the request was for, e.g. `createEntity`. */
  operationId: string;
  /** Where the value is: `body`, `body.name`, `header Zuora-Track-Id`, ... */
  field: string;
  /** The broken rule. */
  rule: ValidationRule;
  /** What is wrong with the value, without repeating the value itself (it may be sensitive). */
  problem: string;
}

/**
 * A request value breaks a constraint of the spec (or cannot travel in an HTTP header). Thrown before anything is
 * sent: no request reaches the network.
 */
export class ZuoraValidationError extends ZuoraError {
  override name = "ZuoraValidationError";
  /** The operation the request was for. */
  declare readonly operationId: string;
  /** Where the value is: `body`, `body.name`, `header Zuora-Track-Id`, ... */
  declare readonly field: string;
  /** The broken rule. */
  declare readonly rule: ValidationRule;
  /** What is wrong with the value. */
  declare readonly problem: string;

  constructor(details: ValidationDetails) {
    super(`${details.operationId}: ${details.field} ${details.problem} (rule: ${details.rule}); nothing was sent`);
    this.operationId = details.operationId;
    this.field = details.field;
    this.rule = details.rule;
    this.problem = details.problem;
  }

  /** A plain object for logs and JSON. */
  toJSON() {
    return {
      name: this.name,
      message: this.message,
      operationId: this.operationId,
      field: this.field,
      rule: this.rule,
      problem: this.problem,
    };
  }
}

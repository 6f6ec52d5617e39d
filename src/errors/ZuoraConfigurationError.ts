import { ZuoraError } from "./ZuoraError.js";

/**
 * An option of `createZuoraClient` cannot work (a `timeoutMs` of 0, a `baseUrl` that is not a URL, an empty token).
 * Thrown when the client is made, before anything is sent; `option` names the option, and the message never repeats
 * a credential.
 */
export class ZuoraConfigurationError extends ZuoraError {
  override name = "ZuoraConfigurationError";
  /** The option at fault, e.g. `timeoutMs` or `retry.baseDelayMs`. */
  declare readonly option: string;

  constructor(option: string, problem: string) {
    super(`createZuoraClient: option ${option} ${problem}`);
    this.option = option;
  }

  /** A plain object for logs and JSON. */
  toJSON() {
    return { name: this.name, message: this.message, option: this.option };
  }
}

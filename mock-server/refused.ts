/** A request the front layer answers itself, before the upstream: a status (400, 413) and a message. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

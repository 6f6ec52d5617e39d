/**
 * A response header the client copies onto its errors (`Zuora-Request-Id`, `Zuora-Track-Id`), redacted with
 * `redact`, or undefined when the answer had none. Its value is the server's: a gateway or debugging proxy that
 * echoes the request's headers or body into it would otherwise put a bearer token or the client secret into the
 * error's fields, its `toJSON()` and `util.inspect`, where the redacted message does not reach.
 */
export function echoedHeader(response: Response, name: string, redact: (text: string) => string): string | undefined {
  const value = response.headers.get(name);
  return value === null ? undefined : redact(value);
}

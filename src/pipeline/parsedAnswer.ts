/**
 * The hand-over of a success body the pipeline has already parsed. The retry policy parses every 2xx JSON body inside
 * the attempt (a body cut off in transit must fail the attempt, not the caller's parse later); a second parse by
 * openapi-fetch would repeat the work, and rebuilding a Response around the bytes for it to read costs more than
 * the parse. So the client's method wrapper asks openapi-fetch not to parse (`parseAs: "stream"`) and marks the
 * request with {@link TAKES_PARSED_ANSWER}; the pipeline then keeps the parsed value in the call's record, against
 * the response it returns with its body read (as openapi-fetch would have left it), and the wrapper puts the value in
 * `data` (`parsedAnswer(response)` in createPipeline.ts). The helpers' direct door always takes it parsed.
 *
 * A caller's own `parseAs` is left alone: such a request carries no mark, and gets a rebuilt response to read.
 */

/**
 * The key under which the method wrapper marks a request whose 2xx JSON body it takes from {@link parsedAnswer}.
 * openapi-fetch (0.17) copies init keys it does not know onto the Request it builds (see serializedBody.ts).
 */
export const TAKES_PARSED_ANSWER = "zuoraTakesParsedAnswer";

/** Whether the Request openapi-fetch built carries the mark. */
export function takesParsedAnswer(input: Request): boolean {
  return (input as unknown as Record<string, unknown>)[TAKES_PARSED_ANSWER] === true;
}

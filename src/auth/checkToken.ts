import { headerValueProblem } from "../prepare/headerValue.js";

/**
 * What is wrong with a bearer token, in words that never repeat it, or undefined when it can be sent. A token must
 * be a non-empty string, without the `Bearer ` prefix (the client adds it), that can travel in an HTTP header.
 */
export function checkTokenShape(token: unknown): string | undefined {
  if (typeof token !== "string") return `must be a token string, got ${token === null ? "null" : typeof token}`;
  if (token.trim() === "") return "must not be empty";
  if (/^bearer\s/i.test(token.trim())) return "must be the token alone, without the Bearer prefix";
  const unfit = headerValueProblem(token);
  if (unfit) return unfit;
  if (/\s/.test(token.trim())) return "must not contain whitespace";
  return undefined;
}

/**
 * The fewest characters a static token (the `auth` option given as a string) may have. Zuora's bearer tokens are
 * 32 characters; a string of a few characters also occurs in ordinary text (a word, an id), so it could not be hidden
 * from errors and logs without garbling them, and would show in them if it were not hidden.
 */
export const MIN_STATIC_TOKEN_LENGTH = 8;

/** What is wrong with a static token, in words that never repeat it, or undefined when it can be used. */
export function checkStaticToken(token: string): string | undefined {
  const problem = checkTokenShape(token);
  if (problem) return problem;
  if (token.trim().length < MIN_STATIC_TOKEN_LENGTH) {
    return `must be at least ${MIN_STATIC_TOKEN_LENGTH} characters (a shorter one could not be hidden in errors and logs)`;
  }
  return undefined;
}

import { expect } from "vitest";
import {
  createZuoraClient,
  type Logger,
  type Sleep,
  type ZuoraClientOptions,
  ZuoraValidationError,
} from "../../src/index.js";

/** createEntity's reference request sample. */
export const entityBody = {
  displayName: "Acme-Asia",
  locale: "zh_CN",
  name: "Acme-Asia",
  parentId: "8a808255557baba1015580e12fa5083a",
  timezone: "Asia/Harbin",
};

/** A sleep that waits for nothing and records what it was asked, so retry tests never wait for real. */
export function recordingSleep(): Sleep & { delays: number[] } {
  const delays: number[] = [];
  const sleep = async (ms: number, signal: AbortSignal | undefined) => {
    delays.push(ms);
    signal?.throwIfAborted();
  };
  return Object.assign(sleep, { delays });
}

/** A logger that keeps every line it is given, whatever its level, in `lines`. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (line: string) => void lines.push(line);
  return { lines, debug: write, info: write, warn: write, error: write };
}

/** A client for `baseUrl` with a static token and no real waiting; override anything. */
export function testClient(baseUrl: string, overrides: Partial<ZuoraClientOptions> = {}) {
  const sleep = recordingSleep();
  const client = createZuoraClient({ baseUrl, auth: "static-token-abc", retry: { sleep }, ...overrides });
  return Object.assign(client, { sleep });
}

/**
 * The {@link ZuoraValidationError} `promise` rejected with, after checking the "nothing is sent" half: `server` saw
 * no request at all (no token request either).
 */
export async function validationRejection(
  server: { requests: readonly unknown[] },
  promise: Promise<unknown>,
): Promise<ZuoraValidationError> {
  const error = await promise.catch((e) => e);
  expect(error).toBeInstanceOf(ZuoraValidationError);
  expect(server.requests).toHaveLength(0);
  return error as ZuoraValidationError;
}

import { createZuoraClient, type Sleep, type ZuoraClientOptions } from "../../src/index.js";

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

/** A client for `baseUrl` with a static token and no real waiting; override anything. */
export function testClient(baseUrl: string, overrides: Partial<ZuoraClientOptions> = {}) {
  const sleep = recordingSleep();
  const client = createZuoraClient({ baseUrl, auth: "static-token-abc", retry: { sleep }, ...overrides });
  return Object.assign(client, { sleep });
}

import { afterEach } from "vitest";
import { createZuoraClient, type ZuoraAuth, type ZuoraClientOptions } from "../../src/index.js";
import { listen, type StandIn } from "../../stand-in/node.js";

/** How a test reaches a stand-in: in-process (its `fetch`), or over HTTP (`listen()`). */
export interface StandInTransport {
  name: string;
  /** The client options that reach the stand-in this way, and what closes the way when the test is done. */
  open(standIn: StandIn): Promise<{ options: Pick<ZuoraClientOptions, "baseUrl" | "fetch">; close(): Promise<void> }>;
}

/** Both ways users reach the stand-in: each behaviour test runs over both. */
export const transports: readonly StandInTransport[] = [
  {
    name: "through the client, in-process",
    open: async (standIn) => ({
      options: { baseUrl: "https://rest.test.zuora.com", fetch: standIn.fetch },
      close: async () => {},
    }),
  },
  {
    name: "through the client, over listen()",
    open: async (standIn) => {
      const server = await listen(standIn);
      return { options: { baseUrl: server.url }, close: () => server.close() };
    },
  },
];

/**
 * Makes clients on stand-ins over `transport`, closing what they opened after each test. `auth` is who calls: a
 * static token (the default caller, an administrator of the entity the call runs in) or an OAuth client's
 * credentials (its user).
 */
export function clientsOver(transport: StandInTransport) {
  const open: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of open.splice(0)) await close();
  });
  return async (standIn: StandIn, auth: ZuoraAuth = "any-token", more: Partial<ZuoraClientOptions> = {}) => {
    const way = await transport.open(standIn);
    open.push(way.close);
    return createZuoraClient({ ...way.options, auth, maxRetries: 0, ...more });
  };
}

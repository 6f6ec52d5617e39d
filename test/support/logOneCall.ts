/**
 * One call that meets a 503 then a 200, with the client's default logger (the console) and no logLevel option, so
 * that ZUORA_LOG decides what is printed. Run by test/client/logging.test.ts as a child process; it serves its own
 * loopback tenant (the parent is blocked while it runs). Exits 0 when the call succeeded.
 */
import { createZuoraClient } from "../../src/index.js";
import { defaultHandler, startLoopbackServer } from "./loopbackServer.js";

const ID = "8a80825556ff28a4015709096c5d6f5d";
const server = await startLoopbackServer((request, n) => {
  if (request.path === "/oauth/token") return defaultHandler(request, n);
  return n === 1
    ? { status: 503, json: { message: "busy" } }
    : { json: { id: ID, name: "n", status: "Provisioned", success: true } };
});
try {
  const zuora = createZuoraClient({
    baseUrl: server.url,
    auth: { clientId: "client-1", clientSecret: "client-secret-never-logged" },
    retry: { sleep: async () => {} },
  });
  await zuora.getEntity(ID);
} finally {
  await server.close();
}

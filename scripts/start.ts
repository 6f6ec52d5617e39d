/**
 * The main job: verify the contract on the embedded Prism mock and print a report.
 *
 *   npm start
 *
 * Exits non-zero when any check fails.
 */
import { readSpec } from "./codegen/spec.js";
import { prismVersion, startPrism } from "./prism.js";
import { requestSamples } from "./verify/samples.js";

interface Check {
  operation: string;
  check: string;
  pass: boolean;
  detail: string;
}

const spec = readSpec();
const specVersion = (spec.info as { version?: string } | undefined)?.version ?? "unknown";
const prism = await startPrism();
const checks: Check[] = [];
try {
  checks.push({
    operation: "(spec)",
    check: "Prism loads the spec with no warnings",
    pass: prism.startupProblems.length === 0,
    detail: prism.startupProblems.join(" | "),
  });
  for (const sample of requestSamples(spec)) {
    const encode =
      sample.contentType === "application/x-www-form-urlencoded"
        ? new URLSearchParams(sample.body as Record<string, string>).toString()
        : JSON.stringify(sample.body);
    const send = (headers: Record<string, string>) =>
      fetch(new URL(sample.path, prism.url), {
        method: sample.method,
        headers: { "content-type": sample.contentType, ...headers },
        body: encode,
      });

    const ok = await send(sample.path === "/oauth/token" ? {} : { authorization: "Bearer smoke-test-token" });
    const data = (await ok.json()) as { success?: boolean; access_token?: string };
    const answered = ok.status === 200 && (data.success === true || typeof data.access_token === "string");
    checks.push({
      operation: sample.operationId,
      check: "reference sample answered 200",
      pass: answered,
      detail: answered ? "" : `HTTP ${ok.status} ${JSON.stringify(data)}`,
    });

    if (sample.path !== "/oauth/token") {
      const anonymous = await send({});
      await anonymous.body?.cancel();
      checks.push({
        operation: sample.operationId,
        check: "no bearer token answered 401",
        pass: anonymous.status === 401,
        detail: anonymous.status === 401 ? "" : `HTTP ${anonymous.status}`,
      });
    }
  }
} finally {
  await prism.stop();
}

const failed = checks.filter((c) => !c.pass);
const width = Math.max(...checks.map((c) => c.operation.length));
console.log(`Contract: openapi/multi-entity.yaml ${specVersion} · Prism ${prismVersion} (mock)`);
for (const c of checks) {
  console.log(
    `  ${c.pass ? "pass" : "FAIL"}  ${c.operation.padEnd(width)}  ${c.check}${c.detail ? `: ${c.detail}` : ""}`,
  );
}
console.log(`${checks.length - failed.length} of ${checks.length} checks passed`);
process.exitCode = failed.length === 0 ? 0 : 1;

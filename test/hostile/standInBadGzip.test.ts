import { describe, expect, it } from "vitest";
import { createStandIn } from "../../stand-in/index.js";

// The stand-in answers bad input with an HTTP answer, never a crash: a body labelled gzip that does not decode is
// bad input like a body that is not JSON.

const base = "https://rest.test.zuora.com";
const notGzip = new TextEncoder().encode('{"name":"Acme"}');

describe("the stand-in, given a body labelled gzip that is not gzip", () => {
  it("answers an operation with 400, as a transport failure before any rule, and the tenant is unchanged", async () => {
    const standIn = createStandIn();
    const before = JSON.stringify(standIn.state());
    const answer = await standIn.fetch(`${base}/v1/entities`, {
      method: "POST",
      headers: {
        authorization: "Bearer any",
        "content-type": "application/json",
        "content-encoding": "gzip",
        "idempotency-key": "k-1",
      },
      body: notGzip,
    });
    expect(answer.status).toBe(400);
    const body = await answer.json();
    expect(JSON.stringify(body)).toContain("gzip");
    expect(JSON.stringify(standIn.state())).toBe(before);
  });

  it("answers the token endpoint with 400", async () => {
    const answer = await createStandIn().fetch(`${base}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
      body: notGzip,
    });
    expect(answer.status).toBe(400);
  });
});

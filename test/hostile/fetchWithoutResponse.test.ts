import { describe, expect, it } from "vitest";
import { ZuoraApiError, ZuoraConnectionError } from "../../src/index.js";
import { testClient } from "../support/fixtures.js";
import { rejection } from "./support.js";

// A custom fetch that resolves to something other than a Response has a bug: sending again meets the same bug, so
// the call fails at once, saying so, rather than as a connection error after every retry.

const ID = "8a80825556ff28a4015709096c5d6f5d";

describe("a custom fetch that resolves to no Response", () => {
  it.each<[string, unknown, string]>([
    ["undefined", undefined, "undefined"],
    ["a look-alike object", { status: 200, ok: true, json: async () => ({}) }, "an object"],
    ["a string", "200 OK", "a string"],
  ])("(%s) fails the call at once with a ZuoraApiError naming fetch", async (_, result, named) => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return result as Response;
    };
    const zuora = testClient("https://rest.test.zuora.com", { fetch });
    const error = await rejection(zuora.getEntity(ID));
    expect(error).toBeInstanceOf(ZuoraApiError);
    expect(error).not.toBeInstanceOf(ZuoraConnectionError);
    expect(error.message).toContain(`fetch resolved to ${named}, not a Response`);
    expect(calls).toBe(1);
    expect(zuora.sleep.delays).toEqual([]);
  });

  it("says a PUT may have taken effect: the fetch may have sent it", async () => {
    const zuora = testClient("https://rest.test.zuora.com", { fetch: async () => undefined as unknown as Response });
    const error = await rejection(zuora.updateEntity(ID, { displayName: "Acme" }));
    expect(error.mayHaveActed).toBe(true);
    expect(error.message).toContain("may have taken effect");
    expect(error.attempts).toBe(1);
  });
});

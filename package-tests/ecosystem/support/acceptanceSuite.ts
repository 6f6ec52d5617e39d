import { describe, expect, it } from "vitest";
import { expected } from "../expected.js";

/** One test per observation of the acceptance script, each against `expected.ts`. */
export function meetsExpectations(observed: () => unknown): void {
  it.each(Object.keys(expected))("%s", (name) => {
    expect((observed() as Record<string, unknown>)[name]).toEqual(expected[name]);
  });
}

/** The suite of a runtime that serves HTTP (Node, Bun, Deno): `entries/server.ts`'s three parts. */
export function serverRuntimeSuite(title: string, result: () => Record<string, unknown>): void {
  describe(title, () => {
    describe("in-process: the client on the stand-in's fetch", () => meetsExpectations(() => result().inProcess));
    describe("over HTTP: listen() from zuora-multi-entity/testing/node", () =>
      meetsExpectations(() => result().overHttp));
    it("keeps the deprecated standIn.listen() serving: ./testing resolves by the node condition here", () => {
      expect(result().deprecatedListen).toBe(200);
    });
  });
}

/** The suite of a runtime without a server (workerd, a browser): `entries/portable.ts`. */
export function portableRuntimeSuite(title: string, result: () => Record<string, unknown>): void {
  describe(title, () => {
    describe("in-process: the client on the stand-in's fetch", () => meetsExpectations(() => result().inProcess));
    it("refuses the deprecated standIn.listen(), naming zuora-multi-entity/testing/node: the bundle took the portable build", () => {
      expect(result().deprecatedListen).toMatch(/listen\(standIn\) from "zuora-multi-entity\/testing\/node"/);
    });
  });
}

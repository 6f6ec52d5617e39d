import { readFile } from "node:fs/promises";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { FILE_KEYS } from "../../../hierarchy/file/readHierarchy.js";
import { parseHierarchy } from "../../../hierarchy/index.js";

const schema = JSON.parse(await readFile(new URL("../../../hierarchy/hierarchy.schema.json", import.meta.url), "utf8"));
const validate = new Ajv({ strict: false }).compile(schema);

type Place = (value: string) => Record<string, unknown>;
const global = { locale: "en_US", timezone: "UTC" };
/** A file with the value in one place; the rest of it valid. */
const PLACES: Record<string, Place> = {
  "properties.entities.propertyNames": (name) => ({
    version: 1,
    entities: { Global: global, [name]: { parent: "Global", ...global } },
  }),
  "definitions.entity.properties.locale": (locale) => ({ version: 1, entities: { Global: { ...global, locale } } }),
  "definitions.entity.properties.timezone": (timezone) => ({
    version: 1,
    entities: { Global: { ...global, timezone } },
  }),
  "properties.users.propertyNames": (username) => ({
    version: 1,
    entities: { Global: global },
    users: { [username]: { home: "Global" } },
  }),
  "properties.shares.propertyNames": (product) => ({
    version: 1,
    entities: { Global: global, EU: { parent: "Global", ...global, provisioned: true } },
    connections: [{ from: "Global", to: "EU", status: "Connected" }],
    shares: { [product]: ["EU"] },
  }),
};

/** Every `examples` list of the schema, by where it is. */
function examples(node: unknown, path: string[] = []): [string, unknown[]][] {
  if (typeof node !== "object" || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "examples" && Array.isArray(value)
      ? [[path.join("."), value] as [string, unknown[]]]
      : examples(value, [...path, key]),
  );
}

/** Whether the command reads the file (its text as YAML, as a user writes it). */
function commandTakes(file: Record<string, unknown>): boolean {
  try {
    parseHierarchy(stringify(file));
    return true;
  } catch {
    return false;
  }
}

describe("hierarchy.schema.json and zuora-entities agree on every value", () => {
  it("names the keys the command reads, no more and no fewer, at the top and in each entity, connection and user", () => {
    const keys = (node: { properties: object }) => Object.keys(node.properties).sort();
    expect(keys(schema)).toEqual([...FILE_KEYS.top].sort());
    expect(keys(schema.definitions.entity)).toEqual([...FILE_KEYS.entity].sort());
    expect(keys(schema.definitions.connection)).toEqual([...FILE_KEYS.connection].sort());
    expect(keys(schema.definitions.user)).toEqual([...FILE_KEYS.user].sort());
  });

  it("takes every example the schema shows an editor, in the command and in the schema", () => {
    const found = examples(schema);
    expect(found.map(([path]) => path).sort()).toEqual(Object.keys(PLACES).sort());
    for (const [path, values] of found) {
      const place = PLACES[path] as Place;
      for (const value of values) {
        const file = place(String(value));
        expect(commandTakes(file), `${path}: ${String(value)}`).toBe(true);
        expect(validate(file), `${path}: ${String(value)}`).toBe(true);
      }
    }
  });

  it("has the schema take every time zone the command takes: the runtime's list, its aliases, and Etc/GMT+5", () => {
    const place = PLACES["definitions.entity.properties.timezone"] as Place;
    const aliases = ["UTC", "GMT", "Etc/UTC", "US/Eastern", "Asia/Harbin", "Asia/Kolkata", "EST5EDT", "CET"];
    const offsets = Array.from({ length: 27 }, (_, i) => i - 14).map((h) => `Etc/GMT${h < 0 ? "" : "+"}${h}`);
    const taken = [...Intl.supportedValuesOf("timeZone"), ...aliases, ...offsets].filter((z) => commandTakes(place(z)));
    expect(taken).toContain("Etc/GMT+5");
    expect(taken.filter((zone) => !validate(place(zone)))).toEqual([]);
  });

  it("has the command refuse what the schema refuses, value by value", () => {
    const refused: [string, string][] = [
      ["definitions.entity.properties.timezone", `Europe/${"A".repeat(60)}`],
      ["definitions.entity.properties.timezone", "London time"],
      ["definitions.entity.properties.timezone", "+01:00"],
      ["definitions.entity.properties.locale", "english"],
      ["definitions.entity.properties.locale", "en-GB"],
      ["properties.entities.propertyNames", "Acme_EU"],
      ["properties.entities.propertyNames", "E".repeat(256)],
      ["properties.users.propertyNames", ".."],
      ["properties.shares.propertyNames", "."],
    ];
    for (const [path, value] of refused) {
      const file = (PLACES[path] as Place)(value);
      expect(validate(file), `${path}: ${value}`).toBe(false);
      expect(commandTakes(file), `${path}: ${value}`).toBe(false);
    }
  });
});

import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { deref, isObject, type JsonObject, readSpec } from "../codegen/spec.js";

/** Checks a response against the spec: its status, its body schema, and its documented headers. */
export interface ResponseContract {
  /**
   * Violations of `response` to `method path`, as readable lines (empty when it follows the spec). `path` is a spec
   * path or a request's path that fills one (`/v1/entities/8a80…` is checked as `/v1/entities/{id}`).
   */
  check(method: string, path: string, response: { status: number; headers: Headers; body: string }): string[];
  /** A fetch that checks every response it returns and appends the violations to `violations`. */
  checkingFetch(
    violations: string[],
    transport?: typeof fetch,
  ): (input: string, init: RequestInit) => Promise<Response>;
}

/**
 * Builds the checker from the spec (JSON Schema 2020-12, OpenAPI 3.1's dialect), so a drifting example or a
 * response that Zuora (or the mock) sends off-spec fails whoever uses it.
 */
export function responseContract(spec: JsonObject = readSpec()): ResponseContract {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ ...spec, $id: "spec" });
  const cache = new Map<string, ValidateFunction>();
  const compile = (schema: JsonObject): ValidateFunction => {
    const key = JSON.stringify(schema);
    let validate = cache.get(key);
    if (!validate) {
      // Local refs point into the spec resource added above.
      validate = ajv.compile(JSON.parse(key.replaceAll('"#/components', '"spec#/components')));
      cache.set(key, validate);
    }
    return validate;
  };

  // A concrete path (`/v1/entities/8a80…`) names the spec path whose template it fills; a template names itself.
  const templates = Object.keys(isObject(spec.paths) ? spec.paths : {}).map((template) => ({
    template,
    regex: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  }));
  const templateOf = (path: string) =>
    templates.find((t) => t.template === path)?.template ?? templates.find((t) => t.regex.test(path))?.template ?? path;

  const check: ResponseContract["check"] = (method, concretePath, response) => {
    const path = templateOf(concretePath);
    const where = `${method.toUpperCase()} ${path} → ${response.status}`;
    const operation = deref(spec, { $ref: `#/paths/${path.replaceAll("/", "~1")}` });
    const op = isObject(operation) ? operation[method.toLowerCase()] : undefined;
    if (!isObject(op) || !isObject(op.responses)) return [`${where}: the spec has no such operation`];
    const documented = deref(spec, op.responses[String(response.status)]);
    if (!isObject(documented)) return [`${where}: status ${response.status} is not documented`];

    const violations: string[] = [];
    for (const [name, raw] of Object.entries(isObject(documented.headers) ? documented.headers : {})) {
      const value = response.headers.get(name);
      const headerSpec = deref(spec, raw);
      if (value === null || !isObject(headerSpec) || !isObject(headerSpec.schema)) continue;
      const typed = headerSpec.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
      const validate = compile(headerSpec.schema);
      if (!validate(typed)) violations.push(`${where}: header ${name} ${ajv.errorsText(validate.errors)}`);
    }

    const content = isObject(documented.content) ? documented.content : null;
    if (!content) return violations;
    const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
    const media = content[type];
    if (!isObject(media) || !isObject(media.schema))
      return [...violations, `${where}: content type "${type}" is not documented`];
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [...violations, `${where}: body is not JSON`];
    }
    const validate = compile(media.schema);
    if (!validate(body)) violations.push(`${where}: body ${ajv.errorsText(validate.errors, { dataVar: "" })}`);
    return violations;
  };

  return {
    check,
    checkingFetch(violations, transport = globalThis.fetch) {
      return async (input, init) => {
        const response = await transport(input, init);
        const { pathname } = new URL(input);
        try {
          const body = await response.clone().text();
          violations.push(
            ...check(init.method ?? "GET", pathname, { status: response.status, headers: response.headers, body }),
          );
        } catch {
          // A body that cannot be read (cut off, bad gzip) fails the client's attempt; there is nothing to check.
        }
        return response;
      };
    },
  };
}

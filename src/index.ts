/**
 * zuora-multi-entity: a typed, contract-checked client for Zuora's Multi-entity REST API.
 *
 * The types are generated from `openapi/multi-entity.yaml`; import them alone with
 * `import type { paths, components } from "zuora-multi-entity"` (or from `"zuora-multi-entity/schema"`).
 */
export type { components, operations, paths } from "../generated/schema.js";

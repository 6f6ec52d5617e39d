/**
 * zuora-multi-entity/hierarchy: the tenant as code: entities, connections, users' access and product shares. Read a
 * file (`readHierarchy`; `validateHierarchy` checks it without a tenant), read the tenant (`readTenant`), decide what
 * changes (`planChanges`, pure), rehearse it on a stand-in of the tenant (`rehearsePlan`), then send it
 * (`applyPlan`); `exportHierarchy` writes a tenant as a file. The `zuora-entities` command is a thin shell over
 * these. Node only.
 */
export {
  type ApplyOptions,
  type ApplyResult,
  applyPlan,
  describeFailure,
  PlanRefusedError,
  type StepEvent,
} from "./apply/applyPlan.js";
export {
  checkSavedPlan,
  madeForAnotherTenant,
  type SavedPlanCheck,
  type SavedPlanCheckOptions,
} from "./apply/checkSavedPlan.js";
export { type ChangeCounts, changeCounts, planJson, renderPlan, summary } from "./cli/views/renderPlan.js";
export { showMermaid, showTree } from "./cli/views/showHierarchy.js";
export type { PlanEvent, ReadEvent } from "./events.js";
export {
  exportHierarchy,
  type FormatOptions,
  formatHierarchy,
  type HierarchyFormat,
  UNREAD,
} from "./file/exportHierarchy.js";
export {
  type FileProblem,
  HierarchyFileError,
  parseHierarchy,
  readHierarchy,
  readHierarchyText,
} from "./file/readHierarchy.js";
export type {
  Action,
  Change,
  ConnectionStatus,
  DesiredConnection,
  DesiredEntity,
  DesiredShare,
  DesiredUser,
  Drift,
  EntityFields,
  Hierarchy,
  Location,
  Plan,
  Refusal,
  Step,
  TenantConnection,
  TenantEntity,
  TenantState,
  TenantUser,
} from "./model.js";
export { hasDifferences, type PlanOptions, planChanges } from "./plan/planChanges.js";
export { type PlanForTenantOptions, planForTenant } from "./plan/planForTenant.js";
export { rehearsePlan } from "./plan/rehearsePlan.js";
export { changesSince, formatSavedPlan, isSavedPlan, parseSavedPlan } from "./plan/savedPlan.js";
export { validateHierarchy } from "./plan/validateHierarchy.js";
export { DEFAULT_PARALLELISM, type ReadOptions, readTenant } from "./tenant/readTenant.js";

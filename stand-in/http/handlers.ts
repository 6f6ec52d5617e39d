import type { EntityChanges, NewEntity } from "../tenant/entities.js";
import { Category, type Outcome, type Refusal, refuse } from "../tenant/reasons.js";
import type { Tenant } from "../tenant/tenant.js";
import type { OperationId } from "./match.js";
import { pageOf } from "./paging.js";

/** What a handler works with. */
export interface RouteContext {
  tenant: Tenant;
  pathParams: Record<string, string>;
  /** The request's URL (query values, and the base of `nextPage`). */
  url: URL;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** The `Zuora-Entity-Ids` of the request, if any. */
  entityIds: string | null;
}

/** A handler's answer: the successful body (without `success`), or the rule the request broke. */
export type HandlerResult = { body: Record<string, unknown> } | { refusal: Refusal };

type Handler = (ctx: RouteContext) => HandlerResult;

const withBody = <T>(outcome: Outcome<T>, body: (value: T) => Record<string, unknown>): HandlerResult =>
  outcome.ok ? { body: body(outcome.value) } : { refusal: outcome.refusal };
const done = (outcome: Outcome<unknown>): HandlerResult => withBody(outcome, () => ({}));

/**
 * The entity a call acts in: the one `Zuora-Entity-Ids` names, or the global entity when the header is absent (a
 * token valid for one entity needs no header; the stand-in's tokens are valid for the global entity).
 */
function callerEntity(ctx: RouteContext): Outcome<string> {
  const id = ctx.entityIds?.trim();
  if (id === undefined || id === "") return { ok: true, value: ctx.tenant.entities.globalId };
  if (!ctx.tenant.entities.has(id))
    return refuse(Category.notFound, `The entity ${id} in Zuora-Entity-Ids does not exist.`);
  return { ok: true, value: id };
}

/** Runs `act` as the calling entity, or refuses when that entity does not exist. */
function asCaller(ctx: RouteContext, act: (callerId: string) => HandlerResult): HandlerResult {
  const caller = callerEntity(ctx);
  return caller.ok ? act(caller.value) : { refusal: caller.refusal };
}

const connectionId = (ctx: RouteContext) => ctx.pathParams["connection-id"] ?? "";
const entityId = (ctx: RouteContext) => ctx.pathParams.id ?? "";
const username = (ctx: RouteContext) => ctx.pathParams.username ?? "";
/** A body's list of entity IDs (the request check has made it an array of strings). */
const idsIn = (ctx: RouteContext, field: string) => (ctx.body as Record<string, string[]>)[field] ?? [];

/** What each operation of the spec does to the tenant. `createToken` is answered by the authenticator. */
export const handlers: Record<Exclude<OperationId, "createToken">, Handler> = {
  listEntities: ({ tenant, url }) => {
    const provisioned = url.searchParams.get("provisioned");
    return { body: { entities: tenant.entities.list(provisioned === null ? undefined : provisioned === "true") } };
  },
  createEntity: ({ tenant, body }) => withBody(tenant.entities.create(body as NewEntity), (e) => ({ ...e })),
  getEntity: (ctx) => withBody(ctx.tenant.entities.get(entityId(ctx)), (e) => ({ ...e })),
  updateEntity: (ctx) => done(ctx.tenant.entities.update(entityId(ctx), (ctx.body ?? {}) as EntityChanges)),
  deleteEntity: (ctx) => done(ctx.tenant.deleteEntity(entityId(ctx))),
  provisionEntity: (ctx) => done(ctx.tenant.entities.provision(entityId(ctx))),
  listAccessibleEntities: ({ tenant, pathParams }) =>
    withBody(tenant.accessibleEntities(pathParams.username ?? ""), (entities) => ({ entities })),
  initiateConnection: (ctx) =>
    asCaller(ctx, (caller) => {
      const { targetEntityId } = ctx.body as { targetEntityId: string };
      return withBody(ctx.tenant.connections.initiate(caller, targetEntityId), (c) => ({ id: c.id }));
    }),
  acceptConnection: (ctx) => asCaller(ctx, (caller) => done(ctx.tenant.connections.accept(connectionId(ctx), caller))),
  denyConnection: (ctx) => asCaller(ctx, (caller) => done(ctx.tenant.connections.deny(connectionId(ctx), caller))),
  disconnectConnection: (ctx) =>
    asCaller(ctx, (caller) => done(ctx.tenant.connections.disconnect(connectionId(ctx), caller))),
  listConnections: (ctx) =>
    asCaller(ctx, (caller) => {
      const type = ctx.url.searchParams.get("type");
      const direction = type === "inbound" || type === "outbound" ? type : undefined;
      return withBody(ctx.tenant.connections.list(caller, direction), (items) => pageOf(items, ctx.url));
    }),
  requestUserAccess: (ctx) =>
    asCaller(ctx, (caller) =>
      done(ctx.tenant.users.requestAccess(username(ctx), caller, idsIn(ctx, "targetEntityIds"))),
    ),
  acceptUserAccess: (ctx) => asCaller(ctx, (caller) => done(ctx.tenant.users.accept(username(ctx), caller))),
  denyUserAccess: (ctx) => asCaller(ctx, (caller) => done(ctx.tenant.users.deny(username(ctx), caller))),
  shareProduct: (ctx) =>
    asCaller(ctx, (caller) =>
      done(ctx.tenant.products.share(ctx.pathParams["product-id"] ?? "", caller, idsIn(ctx, "toEntityIds"))),
    ),
};

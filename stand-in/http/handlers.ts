import type { Caller } from "../tenant/callers.js";
import type { EntityChanges, NewEntity } from "../tenant/entities.js";
import type { Outcome, Refusal } from "../tenant/reasons.js";
import type { Tenant } from "../tenant/tenant.js";
import type { OperationId } from "./match.js";
import { pageOf, pageRange } from "./paging.js";

/** What a handler works with. */
export interface RouteContext {
  tenant: Tenant;
  pathParams: Record<string, string>;
  /** The request's URL (query values, and the base of `nextPage`). */
  url: URL;
  /** The parsed JSON body, if the operation takes one (checked: only the fields the operation takes). */
  body: unknown;
  /** Who calls, and the entity the call runs in (its permission already checked). */
  caller: Caller;
}

/**
 * A handler's answer: the successful body (without `success`, which is added to it: a new object each time), or the
 * rule the request broke.
 */
export type HandlerResult = { body: Record<string, unknown> } | { refusal: Refusal };

type Handler = (ctx: RouteContext) => HandlerResult;

const withBody = <T>(outcome: Outcome<T>, body: (value: T) => Record<string, unknown>): HandlerResult =>
  outcome.ok ? { body: body(outcome.value) } : { refusal: outcome.refusal };
const done = (outcome: Outcome<unknown>): HandlerResult => withBody(outcome, () => ({}));
/** A copy of a record (`Object.assign`, not a spread: V8 adds a property to a spread's copy slowly). */
const copy = (record: object): Record<string, unknown> => Object.assign({}, record) as Record<string, unknown>;

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
  createEntity: ({ tenant, body }) => withBody(tenant.entities.create(body as NewEntity), copy),
  getEntity: (ctx) => withBody(ctx.tenant.entities.get(entityId(ctx)), copy),
  updateEntity: (ctx) => done(ctx.tenant.entities.update(entityId(ctx), (ctx.body ?? {}) as EntityChanges)),
  deleteEntity: (ctx) => done(ctx.tenant.deleteEntity(entityId(ctx))),
  provisionEntity: (ctx) => done(ctx.tenant.entities.provision(entityId(ctx))),
  listAccessibleEntities: ({ tenant, pathParams }) =>
    withBody(tenant.accessibleEntities(pathParams.username ?? ""), (entities) => ({ entities })),
  initiateConnection: (ctx) => {
    const { targetEntityId } = ctx.body as { targetEntityId: string };
    return withBody(ctx.tenant.connections.initiate(ctx.caller.entityId, targetEntityId), (c) => ({ id: c.id }));
  },
  acceptConnection: (ctx) => done(ctx.tenant.connections.accept(connectionId(ctx), ctx.caller.entityId)),
  denyConnection: (ctx) => done(ctx.tenant.connections.deny(connectionId(ctx), ctx.caller.entityId)),
  disconnectConnection: (ctx) => done(ctx.tenant.disconnect(connectionId(ctx), ctx.caller.entityId)),
  listConnections: (ctx) => {
    const type = ctx.url.searchParams.get("type");
    const direction = type === "inbound" || type === "outbound" ? type : undefined;
    const { start, size } = pageRange(ctx.url);
    const listed = ctx.tenant.connections.list(ctx.caller.entityId, direction, start + size + 1);
    return withBody(listed, (items) => pageOf(items, ctx.url));
  },
  requestUserAccess: (ctx) =>
    done(ctx.tenant.users.requestAccess(username(ctx), ctx.caller, idsIn(ctx, "targetEntityIds"))),
  acceptUserAccess: (ctx) => done(ctx.tenant.users.accept(username(ctx), ctx.caller.entityId)),
  denyUserAccess: (ctx) => done(ctx.tenant.users.deny(username(ctx), ctx.caller.entityId)),
  shareProduct: (ctx) =>
    done(ctx.tenant.products.share(ctx.pathParams["product-id"] ?? "", ctx.caller.entityId, idsIn(ctx, "toEntityIds"))),
};

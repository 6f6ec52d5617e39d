import type { OAuthClientSeed, Tenant } from "../tenant.js";
import { type EntityRef, isRecord, knownKeysOnly, type Report, type Resolver, unknownEntity } from "./reading.js";

const USER_KEYS = new Set(["home", "access", "administers", "pending"]);

/** A user of a seed, checked, with the entities as the seed names them. */
export interface SeedUser {
  username: string;
  /** Given as just the entities it can access (its home the first), or `"all"`, as `seed()` takes it too. */
  short: boolean;
  home: EntityRef | undefined;
  access: EntityRef[] | "all";
  administers: EntityRef[] | "all";
  pending: EntityRef[];
}

/** Checks a seed's `users`, reporting every key it does not take and every entity that is none. */
export function readUsers(raw: unknown, resolve: Resolver, report: Report): SeedUser[] {
  if (raw === undefined) return [];
  if (!isRecord(raw)) {
    report(["users"], "`users` must be a mapping of usernames to users");
    return [];
  }
  const users: SeedUser[] = [];
  for (const [username, user] of Object.entries(raw)) {
    const path = ["users", username];
    if (user === "all" || Array.isArray(user)) {
      const access = resolve.list(path, user, "a user's access", true);
      users.push({ username, short: true, home: undefined, access, administers: [], pending: [] });
      continue;
    }
    if (!isRecord(user)) {
      report(path, 'a user must be a mapping { home, access, administers, pending }, a list of entities, or "all"');
      continue;
    }
    knownKeysOnly(path, user, USER_KEYS, report);
    const home = user.home === undefined ? undefined : resolve.one(user.home);
    if (user.home !== undefined && !home) report([...path, "home"], unknownEntity(user.home));
    const list = (key: "access" | "administers" | "pending", all: boolean) =>
      user[key] === undefined ? [] : resolve.list([...path, key], user[key], `\`${key}\``, all);
    users.push({
      username,
      short: false,
      home,
      access: list("access", true),
      administers: list("administers", true),
      pending: list("pending", false) as EntityRef[],
    });
  }
  return users;
}

/** Checks a seed's `oauthClients`: a secret each, and a user of the seed or the tenant. */
export function readOAuthClients(
  tenant: Tenant,
  raw: unknown,
  users: readonly SeedUser[],
  report: Report,
): Record<string, OAuthClientSeed> {
  const clients: Record<string, OAuthClientSeed> = {};
  if (raw === undefined) return clients;
  if (!isRecord(raw)) {
    report(["oauthClients"], "`oauthClients` must be a mapping of client IDs to { secret, user }");
    return clients;
  }
  const usernames = new Set(users.map((u) => u.username));
  for (const [clientId, client] of Object.entries(raw)) {
    const path = ["oauthClients", clientId];
    if (
      !isRecord(client) ||
      typeof client.secret !== "string" ||
      client.secret === "" ||
      typeof client.user !== "string"
    ) {
      report(path, "an OAuth client must be { secret, user }: a non-empty secret and a username");
    } else if (!usernames.has(client.user) && !tenant.users.rights(client.user)) {
      report([...path, "user"], `the user ${client.user} is neither in the seed nor in the tenant`);
    } else {
      // Defined, not assigned: a client ID such as `__proto__` is a key like any other.
      Object.defineProperty(clients, clientId, {
        value: { secret: client.secret, user: client.user },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return clients;
}

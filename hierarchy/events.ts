/**
 * What the hierarchy's long work reports while it runs: events, as data, for a caller to show as it likes (the
 * `zuora-entities` command prints them as progress on stderr, at most about once a second).
 */

/** How far the reading of a tenant is. */
export type ReadEvent =
  /** The entities are listed (one request): how many, and how many of them are provisioned. */
  | { type: "entities-listed"; entities: number; provisioned: number }
  /** The connections of `done` of the `of` provisioned entities are read (a request or more each). */
  | { type: "connections-read"; done: number; of: number }
  /** The access of `done` of the `of` users asked for is read (a request each). */
  | { type: "users-read"; done: number; of: number };

/** How far `planForTenant` is. */
export type PlanEvent =
  | ReadEvent
  /** The tenant is read, in `ms`. */
  | { type: "tenant-read"; entities: number; connections: number; users: number; ms: number }
  /** The plan's `steps` are being applied to a stand-in seeded with the tenant. */
  | { type: "rehearsal-started"; steps: number }
  /** The rehearsal ended, in `ms`: `refused` steps (0 when it passed). */
  | { type: "rehearsal-ended"; refused: number; ms: number };

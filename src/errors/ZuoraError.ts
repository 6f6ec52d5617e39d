/** Base class of every error this package throws, so `catch (e) { if (e instanceof ZuoraError) ... }` catches all. */
export class ZuoraError extends Error {
  override name = "ZuoraError";
}

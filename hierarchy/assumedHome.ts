/**
 * The home entity to assume for a user whose home the file does not give (Zuora's API does not say it): the global
 * entity when the user can access it and the file gives it that access, else the first entity it can access that the
 * file gives it, else the first it can access, else the global entity. The rehearsal seeds its stand-in with it (on
 * IDs), and `zuora-stand-in --seed` seeds a file's users with it (on names), so that both mean the same by a file.
 *
 * @param global - The global entity.
 * @param canAccess - The entities the user can access, in order.
 * @param given - The entities the file gives the user.
 */
export function assumedHome<T>(global: T, canAccess: readonly T[], given: ReadonlySet<T>): T {
  return [global, ...canAccess].find((e) => canAccess.includes(e) && given.has(e)) ?? canAccess[0] ?? global;
}

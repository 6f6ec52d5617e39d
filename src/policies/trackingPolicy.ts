import type { Policy } from "../pipeline/types.js";

/** Options of {@link trackingPolicy}. */
export interface TrackingPolicyOptions {
  /** The `Zuora-Track-Id` to send when the call does not set one; undefined sends none. */
  trackId: string | undefined;
}

/**
 * Sends the client's default `Zuora-Track-Id` when the call has none, and records the value sent so errors and
 * `callInfo()` can name it. Zuora echoes it in the response's `Zuora-Track-Id` header.
 */
export function trackingPolicy(options: TrackingPolicyOptions): Policy {
  return {
    send(request, next) {
      if (options.trackId !== undefined && !request.headers.has("zuora-track-id")) {
        request.headers.set("zuora-track-id", options.trackId);
      }
      request.info.trackId = request.headers.get("zuora-track-id") ?? undefined;
      return next(request);
    },
  };
}

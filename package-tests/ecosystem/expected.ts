/**
 * What the acceptance script (`acceptance.ts`) must observe, the same on every runtime: one test per key. Every
 * runtime CI proves has CompressionStream, so every one gzips; the path without it is a unit test
 * (test/client/compression.test.ts).
 */
export const expected: Record<string, unknown> = {
  compressionStream: true,
  gzip: { contentEncoding: "gzip", smallerThanTheJson: true, nameArrived: true },
  lifecycle: {
    unprovisionedListed: true,
    entities: ["Acme EE Provisioned Acme Europe", "Acme-US Provisioned Acme-US", "Global Provisioned Global"],
    accessibleCount: 3,
    inboundBeforeAccepting: ["Pending"],
    outboundPagedAfterAccepting: ["Connected"],
    connections: ["Disconnected", "Connected"],
  },
  accessAndSharing: { janeReaches: true, sharedWith: [["Acme-US"]], tokenIssued: true },
  helpersNotCalled: [],
  // Two tokens: the one the client fetched for its first call, and the one the createToken helper asked for.
  oauth: { tokensBefore: 2, afterExpiry: ["getEntity 401", "createToken 200", "getEntity 200"] },
  retry: { requests: ["getEntity 503", "getEntity 200"], attempts: 2 },
  withResponse: { name: true, status: 200, trackId: "acceptance-run", requestId: true, rateLimitRemaining: true },
  business: { status: 200, category: 30 },
  validation: { refused: "body.targetEntityId: maxLength", sent: 0 },
  abort: {
    beforeSending: { reason: "aborted before sending", sent: 0 },
    whileWaiting: { reason: "aborted while waiting to retry", requests: ["getEntity 503"] },
  },
};

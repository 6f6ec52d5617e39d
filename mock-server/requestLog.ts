import { appendNewest } from "./boundedMaps.js";
import type { FaultName } from "./faultPlan.js";

/** One request as the front layer handled it. */
export interface FrontRecord {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** `Content-Encoding` of the request body on the wire. */
  contentEncoding: string | undefined;
  /** The fault met, if any. */
  fault: FaultName | undefined;
  /** The upstream's status (Prism's, or the stand-in's through it), when the request reached it. */
  prismStatus: number | undefined;
  /** The request body as the upstream received it (decoded), when it reached it. */
  forwardedBody: string | undefined;
  /**
   * Answered from the front layer's own replay (`replayed`), refused as in progress (`in-progress`) or as misused
   * (`mismatch`); undefined when it replays nothing (`replay: false`) or the key was new.
   */
  idempotency: "replayed" | "in-progress" | "mismatch" | undefined;
  /** Whether the answer went out gzipped. */
  gzipped: boolean;
}

/** What happened to each request carrying a track id (`GET /__front/log?trackId=...`), bounded. */
export class RequestLog {
  readonly #records = new Map<string, FrontRecord[]>();

  /** @param maxRecords - The latest records kept per track id, and the most track ids kept (the newest). */
  constructor(readonly maxRecords: number) {}

  /** Adds a record under its track id (a request without one is not logged); the record is filled in as it goes. */
  add(trackId: string | undefined, record: FrontRecord): FrontRecord {
    if (trackId !== undefined) appendNewest(this.#records, trackId, record, this.maxRecords);
    return record;
  }

  /** The records of a track id, oldest first. */
  of(trackId: string): FrontRecord[] {
    return this.#records.get(trackId) ?? [];
  }
}

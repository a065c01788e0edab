import "server-only";
import { db } from "./client";

/** The dataset version: the latest release's number and when it was published. */
export type ReleaseInfo = { number: number; publishedAt: Date | null };

/**
 * How long one process trusts the release number it read. Every cached public read is keyed by the
 * release, so a publish through any instance is served by every instance within this time, with
 * or without a shared cache handler; it costs one indexed query per second per process.
 */
export const RELEASE_CHECK_MS = 1000;

let known: { value: ReleaseInfo; at: number } | null = null;
let inFlight: Promise<ReleaseInfo> | null = null;

async function readRelease(): Promise<ReleaseInfo> {
  const latest = await db().release.findFirst({ orderBy: { number: "desc" }, select: { number: true, publishedAt: true } });
  return latest ?? { number: 0, publishedAt: null };
}

/** The current release, re-read at most once per RELEASE_CHECK_MS (concurrent callers share one query). */
export async function currentRelease(now = Date.now()): Promise<ReleaseInfo> {
  if (known && now - known.at < RELEASE_CHECK_MS) return known.value;
  inFlight ??= readRelease()
    .then((value) => {
      known = { value, at: Date.now() };
      return value;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** Forget the remembered release (the publishing process calls this right after its commit). */
export function forgetRelease(): void {
  known = null;
}

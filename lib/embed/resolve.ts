// Live or frozen data for an embed (docs/decisions/008-embeds.md).
//
// Live: the view's cached loader, keyed by the current release. Frozen (`release=N`): the
// snapshot stored for (chart, data options, N). A snapshot is made only for the current release,
// the first time the frozen embed is built or requested; an older release without one is a
// clear 404, never live data under a frozen label. Writes by anonymous requests are bounded by
// a cap per chart and release.
import "server-only";
import { createHash } from "node:crypto";
import { decode, encode } from "@/lib/db/cache";
import { countSnapshots, findSnapshot, getRelease, insertSnapshot, latestReleaseNumber } from "@/lib/db/embed";
import { currentRelease } from "@/lib/db/release";
import type { Lang } from "@/lib/i18n";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import type { BoundChart } from "@/lib/views/define";

/** At most this many snapshots per chart and release; beyond it embeds show live data and say so. */
export const SNAPSHOT_CAP = 1000;

export type Frozen = { release: number; publishedAt: Date; updatedSince: boolean };
export type Resolved =
  | {
      ok: true;
      data: unknown;
      /** The release the data belongs to (its date is the source line's "updated"). */
      release: { number: number; publishedAt: Date | null };
      frozen: Frozen | null;
      /** Why a frozen embed shows live data instead (cap reached, a publish in between). */
      notice: "capReached" | "movedOn" | null;
    }
  | { ok: false; status: 404 | 422; errors: string[]; notFrozen?: true };

/** JSON with object keys sorted at every level (PostgreSQL jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The snapshot key: a hash of the chart, its canonical data options and the release. */
export function snapshotKey(chart: string, options: Record<string, unknown>, release: number): string {
  return sha256(canonicalJson({ chart, options, release }));
}

/** Live data, or the data frozen at `release`, for a bound chart (messages in `lang`). */
export async function resolveData(c: BoundChart, release: number | null, lang: Lang): Promise<Resolved> {
  const current = await currentRelease();
  const noRelease = { ok: false as const, status: 404 as const, errors: [fill(EMBED.noRelease[lang], { n: release ?? 0, latest: current.number })] };
  if (release === null) {
    const live = await c.load();
    return live.ok ? { ok: true, data: live.data, release: current, frozen: null, notice: null } : live;
  }
  if (release > current.number) return noRelease;
  const key = snapshotKey(c.id, c.dataOptions, release);
  const [snap, rel] = await Promise.all([findSnapshot(key), getRelease(release)]);
  if (!rel) return noRelease;
  if (snap) {
    let updatedSince = false;
    if (release < current.number) {
      const live = await c.load();
      // Compared in the current shape: a migrated snapshot of unchanged data is not "updated".
      updatedSince = live.ok && sha256(canonicalJson(encode(live.data))) !== sha256(canonicalJson(encode(c.migrate(decode(snap.data), snap.version))));
    }
    return { ok: true, data: c.migrate(decode(snap.data), snap.version), release: rel, frozen: { release, publishedAt: rel.publishedAt, updatedSince }, notice: null };
  }
  if (release < current.number) return { ok: false, status: 404, notFrozen: true, errors: [fill(EMBED.notFrozen[lang], { n: release })] };

  const live = await c.load();
  if (!live.ok) return live;
  if ((await countSnapshots(c.id, release)) >= SNAPSHOT_CAP) {
    return { ok: true, data: live.data, release: current, frozen: null, notice: "capReached" };
  }
  // A publish between reading the release and loading the data would freeze newer data under
  // the older number: check again, and freeze only if nothing moved.
  if ((await latestReleaseNumber()) !== release) {
    return { ok: true, data: live.data, release: current, frozen: null, notice: "movedOn" };
  }
  await insertSnapshot({ key, chart: c.id, release, options: c.dataOptions, data: encode(live.data), version: c.dataVersion });
  return { ok: true, data: live.data, release: rel, frozen: { release, publishedAt: rel.publishedAt, updatedSince: false }, notice: null };
}

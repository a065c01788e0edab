import "server-only";
import { db, type Prisma } from "./client";

/** A stored embed snapshot: the chart's data at one release (JSON as lib/db/cache.ts encodes it). */
export type EmbedSnapshotRow = { data: unknown; version: number; createdAt: Date };

/** The snapshot with this key, or null. */
export async function findSnapshot(key: string): Promise<EmbedSnapshotRow | null> {
  return db().embedSnapshot.findUnique({ where: { key }, select: { data: true, version: true, createdAt: true } });
}

/**
 * Stores a snapshot unless one with the same key exists (INSERT … ON CONFLICT DO NOTHING, so two
 * first requests racing store one row). True when this call stored it.
 */
export async function insertSnapshot(s: { key: string; chart: string; release: number; options: unknown; data: unknown; version: number }): Promise<boolean> {
  const r = await db().embedSnapshot.createMany({
    data: [{ key: s.key, chart: s.chart, release: s.release, options: s.options as Prisma.InputJsonValue, data: s.data as Prisma.InputJsonValue, version: s.version }],
    skipDuplicates: true,
  });
  return r.count === 1;
}

/** How many snapshots of a chart a release has (the per-chart cap bounds anonymous writes). */
export async function countSnapshots(chart: string, release: number): Promise<number> {
  return db().embedSnapshot.count({ where: { chart, release } });
}

/** A release's number and date, or null when there is no such release. */
export async function getRelease(number: number): Promise<{ number: number; publishedAt: Date } | null> {
  return db().release.findUnique({ where: { number }, select: { number: true, publishedAt: true } });
}

/** The latest release number read now (not the once-a-second value of currentRelease). */
export async function latestReleaseNumber(): Promise<number> {
  const r = await db().release.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
  return r?.number ?? 0;
}

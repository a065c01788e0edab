// The commitments table's data (the dashboard's largest read: every published commitment with its
// actor, stages and sources) through the app's Prisma loader, and the same rows by hand-written
// SQL through the same driver (pg). Both results are checked equal before anything is timed.
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import type { CommitmentRecord, MatrixSource } from "../../../lib/charts/commitment-matrix";
import { median } from "./measure";

const SQL = `
SELECT c.slug, c.title, c.kind, c.conditions::text[] AS conditions, c."legalForm", c."parliamentaryApproval",
  c."quantityLow", c."quantityHigh", c."quantityUnit", c."quantityQualifier", c."quantityBasis", c.confidence, c."singleSource",
  json_build_object('slug', a.slug, 'name', a.name, 'nameUk', a."nameUk", 'iso2', a.iso2, 'groups', a.groups) AS actor,
  COALESCE((
    SELECT json_agg(json_build_object('stage', s.stage, 'date', s.date, 'datePrecision', s."datePrecision", 'sources', COALESCE((
      SELECT json_agg(json_build_object('url', src.url, 'outlet', src.outlet, 'originalOutlet', src."originalOutlet"))
      FROM "Citation" ci JOIN "Source" src ON src.id = ci."sourceId"
      WHERE ci."stageId" = s.id AND src.status = 'PUBLISHED'), '[]'::json)) ORDER BY s.date)
    FROM "CommitmentStage" s WHERE s."commitmentId" = c.id AND s.date <= $1), '[]'::json) AS stages,
  COALESCE((
    SELECT json_agg(json_build_object('url', src.url, 'outlet', src.outlet, 'originalOutlet', src."originalOutlet") ORDER BY ci."createdAt")
    FROM "Citation" ci JOIN "Source" src ON src.id = ci."sourceId"
    WHERE ci."commitmentId" = c.id AND src.status = 'PUBLISHED'), '[]'::json) AS sources
FROM "Commitment" c JOIN "Actor" a ON a.id = c."actorId"
WHERE c.status = 'PUBLISHED' AND a.status = 'PUBLISHED'
ORDER BY c.slug`;

type Row = Record<string, unknown> & {
  stages: { stage: string; date: string; datePrecision: string; sources: MatrixSource[] }[];
  sources: MatrixSource[];
};
const num = (v: unknown) => (v === null ? null : Number(v));

function toRecord(r: Row): CommitmentRecord {
  const seen = new Map<string, MatrixSource>();
  for (const s of [...r.sources, ...r.stages.flatMap((st) => st.sources)]) if (!seen.has(s.url)) seen.set(s.url, s);
  return {
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    actor: r.actor,
    conditions: r.conditions,
    legalForm: r.legalForm,
    parliamentaryApproval: r.parliamentaryApproval,
    quantityLow: num(r.quantityLow),
    quantityHigh: num(r.quantityHigh),
    quantityUnit: r.quantityUnit,
    quantityQualifier: r.quantityQualifier,
    quantityBasis: r.quantityBasis,
    confidence: r.confidence,
    singleSource: r.singleSource,
    stages: r.stages.map((s) => ({ stage: s.stage, date: new Date(`${s.date}T00:00:00Z`), datePrecision: s.datePrecision })),
    sources: [...seen.values()],
  } as CommitmentRecord;
}

/** Sources in a stable order: the Prisma query does not order stage citations. */
const normal = (rs: CommitmentRecord[]) => rs.map((r) => ({ ...r, sources: [...r.sources].sort((a, b) => a.url.localeCompare(b.url)) }));

export type PrismaVsSql = { rows: number; prismaMs: number; sqlMs: number; ratio: number; runs: number };

export async function prismaVsSql(databaseUrl: string, runs = 7): Promise<PrismaVsSql> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.SGT_DATA_CACHE = "off";
  const { listCommitmentRecords } = await import("../../../lib/db/commitments");
  const { db } = await import("../../../lib/db/client");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  try {
    const asOf = new Date();
    const bySql = async () => (await pool.query<Row>(SQL, [asOf])).rows.map(toRecord);
    const byPrisma = () => listCommitmentRecords(asOf);
    const [a, b] = [await byPrisma(), await bySql()];
    if (!isDeepStrictEqual(normal(a), normal(b))) throw new Error("Prisma and SQL returned different commitment data; the comparison would be meaningless.");
    const p: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < runs; i++) {
      let t = performance.now();
      await byPrisma();
      p.push(performance.now() - t);
      t = performance.now();
      await bySql();
      s.push(performance.now() - t);
    }
    const prismaMs = median(p);
    const sqlMs = median(s);
    return { rows: a.length, prismaMs, sqlMs, ratio: prismaMs / sqlMs, runs };
  } finally {
    await pool.end();
    await db().$disconnect();
  }
}

import "server-only";
import { cachedRead } from "./cache";
import { uniqueByUrl } from "./citations";
import { db } from "./client";
import type { CommitmentRecord, CountryRecord, FigureRecord } from "@/lib/charts/capacity";
import { stageAsOf } from "@/lib/lifecycle";

const PUB = { status: "PUBLISHED" as const };
const SOURCE_SELECT = {
  where: { source: PUB },
  orderBy: { createdAt: "asc" as const },
  select: { source: { select: { url: true, outlet: true, originalOutlet: true } } },
};
const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));


/**
 * Troop-contributing countries as of a date: published countries with a published TROOPS
 * commitment whose stage on that date exists and is not ruled out or withdrawn, each with its
 * figures (published FIGURE claims that carry a metric and are dated on or before the date, or
 * undated). Two queries.
 */
async function loadGetCapacity(asOf: Date): Promise<CountryRecord[]> {
  const prisma = db();
  const actorWhere = { ...PUB, kind: "COUNTRY" as const, iso2: { not: null } };
  const [commitments, figures] = await Promise.all([
    prisma.commitment.findMany({
      where: { ...PUB, kind: "TROOPS", actor: actorWhere },
      orderBy: { slug: "asc" },
      select: {
        slug: true,
        title: true,
        quantityLow: true,
        quantityHigh: true,
        quantityQualifier: true,
        quantityUnit: true,
        quantityBasis: true,
        confidence: true,
        actor: { select: { iso2: true, name: true, nameUk: true } },
        stages: { where: { date: { lte: asOf } }, select: { stage: true, date: true, datePrecision: true } },
        citations: SOURCE_SELECT,
      },
    }),
    prisma.claim.findMany({
      where: {
        ...PUB,
        kind: "FIGURE",
        metric: { not: null },
        actor: actorWhere,
        OR: [{ asOf: null }, { asOf: { lte: asOf } }],
      },
      orderBy: [{ asOf: "desc" }, { slug: "asc" }],
      select: {
        slug: true,
        metric: true,
        statement: true,
        valueLow: true,
        valueHigh: true,
        valueQualifier: true,
        unit: true,
        asOf: true,
        asOfPrecision: true,
        verification: true,
        confidence: true,
        singleSource: true,
        finding: true,
        actor: { select: { iso2: true } },
        citations: SOURCE_SELECT,
      },
    }),
  ]);

  const countries = new Map<string, CountryRecord>();
  for (const c of commitments) {
    const stage = stageAsOf(c.stages, asOf);
    if (stage === null || stage === "RULED_OUT" || stage === "WITHDRAWN") continue;
    const iso2 = c.actor.iso2!;
    const inForce = c.stages
      .filter((s) => s.stage === stage)
      .sort((a, b) => b.date.getTime() - a.date.getTime())[0];
    const record: CommitmentRecord = {
      slug: c.slug,
      title: c.title,
      stage,
      stageDate: inForce.date,
      stageDatePrecision: inForce.datePrecision,
      low: num(c.quantityLow),
      high: num(c.quantityHigh),
      qualifier: c.quantityQualifier,
      unit: c.quantityUnit,
      basis: c.quantityBasis,
      confidence: c.confidence,
      sources: uniqueByUrl(c.citations.map((x) => x.source)),
    };
    const country = countries.get(iso2) ?? { iso2, name: c.actor.name, nameUk: c.actor.nameUk, commitments: [], figures: [] };
    country.commitments.push(record);
    countries.set(iso2, country);
  }
  for (const f of figures) {
    const country = f.actor?.iso2 ? countries.get(f.actor.iso2) : undefined;
    if (!country) continue;
    const record: FigureRecord = {
      slug: f.slug,
      metric: f.metric!,
      statement: f.statement,
      low: num(f.valueLow),
      high: num(f.valueHigh),
      qualifier: f.valueQualifier,
      unit: f.unit,
      asOf: f.asOf,
      asOfPrecision: f.asOfPrecision,
      verification: f.verification,
      confidence: f.confidence,
      singleSource: f.singleSource,
      finding: f.finding,
      sources: uniqueByUrl(f.citations.map((x) => x.source)),
    };
    country.figures.push(record);
  }
  return [...countries.values()];
}

/** getCapacity, cached under the published tag (lib/db/cache.ts). */
export const getCapacity = cachedRead("getCapacity", loadGetCapacity);

import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "./client";
import type { SeedData } from "@/lib/schemas/seed";
import type { CitationRef } from "@/lib/schemas/common";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
type CitationTarget =
  | "actorId"
  | "participationId"
  | "commitmentId"
  | "stageId"
  | "siteId"
  | "pollId"
  | "eventId"
  | "claimId";

export type SeedCounts = Record<string, number>;

const day = (iso: string | null) => (iso === null ? null : new Date(`${iso}T00:00:00Z`));

/**
 * Loads validated seed data in one transaction. Records are matched by slug (sources by URL):
 * existing ones are left as editors made them, missing ones are created as published, each
 * with a SEED revision and an audit entry. Rerunning changes nothing.
 */
export async function seedDatabase(prisma: PrismaClient, data: SeedData, now = new Date()): Promise<SeedCounts> {
  return prisma.$transaction(
    async (tx) => {
      const counts: SeedCounts = {};
      const citations: { id: string; sourceId: string; quote: string | null; note: string | null; target: CitationTarget; targetId: string }[] = [];
      const revisions: { entityType: string; entityId: string; snapshot: unknown }[] = [];
      const published = { status: "PUBLISHED" as const, publishedAt: now };

      // Sources, matched by URL.
      const knownSources = new Map(
        (await tx.source.findMany({ select: { id: true, url: true } })).map((s) => [s.url, s.id]),
      );
      const newSources = data.sources.filter((s) => !knownSources.has(s.url)).map((s) => ({ ...s, id: randomUUID() }));
      await tx.source.createMany({
        data: newSources.map((s) => ({
          ...published,
          id: s.id,
          slug: s.slug,
          url: s.url,
          outlet: s.outlet,
          originalOutlet: s.originalOutlet,
          author: s.author,
          title: s.title,
          publishedOn: day(s.publishedOn),
          publishedPrecision: s.publishedPrecision,
          kind: s.kind,
          language: s.language,
          accessedOn: day(s.accessedOn),
        })),
      });
      newSources.forEach((s) => {
        knownSources.set(s.url, s.id);
        revisions.push({ entityType: "Source", entityId: s.id, snapshot: s });
      });
      counts.sources = newSources.length;

      const cite = (refs: CitationRef[], target: CitationTarget, targetId: string) => {
        for (const c of refs) {
          citations.push({ id: randomUUID(), sourceId: knownSources.get(c.url)!, quote: c.quote, note: c.note, target, targetId });
        }
      };
      const existingSlugs = async (model: { findMany: (a: { select: { id: true; slug: true } }) => Promise<{ id: string; slug: string }[]> }) =>
        new Map((await model.findMany({ select: { id: true, slug: true } })).map((r) => [r.slug, r.id]));

      // Actors.
      const actorIds = await existingSlugs(tx.actor);
      const newActors = data.actors.filter((a) => !actorIds.has(a.slug)).map((a) => ({ ...a, id: randomUUID() }));
      await tx.actor.createMany({
        data: newActors.map((a) => ({
          ...published,
          id: a.id,
          slug: a.slug,
          kind: a.kind,
          iso2: a.iso2,
          name: a.name,
          nameUk: a.nameUk,
          groups: a.groups,
          summary: a.summary,
          confidence: a.confidence,
          singleSource: a.singleSource,
        })),
      });
      for (const a of newActors) {
        actorIds.set(a.slug, a.id);
        cite(a.citations, "actorId", a.id);
        revisions.push({ entityType: "Actor", entityId: a.id, snapshot: a });
      }
      counts.actors = newActors.length;
      const actorByIso = new Map(
        (await tx.actor.findMany({ where: { iso2: { not: null } }, select: { id: true, iso2: true } })).map((a) => [a.iso2!, a.id]),
      );
      for (const a of newActors) if (a.iso2) actorByIso.set(a.iso2, a.id);

      // Coalition participation.
      const partIds = await existingSlugs(tx.coalitionParticipation);
      const newParts = data.participation.filter((p) => !partIds.has(p.slug)).map((p) => ({ ...p, id: randomUUID() }));
      await tx.coalitionParticipation.createMany({
        data: newParts.map((p) => ({
          ...published,
          id: p.id,
          slug: p.slug,
          actorId: actorIds.get(p.actor)!,
          role: p.role,
          joinedOn: day(p.joinedOn),
          firstRecorded: day(p.firstRecorded)!,
          leftOn: day(p.leftOn),
          note: p.note,
          confidence: p.confidence,
          singleSource: p.singleSource,
        })),
      });
      for (const p of newParts) {
        cite(p.citations, "participationId", p.id);
        revisions.push({ entityType: "CoalitionParticipation", entityId: p.id, snapshot: p });
      }
      counts.participation = newParts.length;

      // Commitments and their lifecycle stages.
      const commitmentIds = await existingSlugs(tx.commitment);
      const newCommitments = data.commitments.filter((c) => !commitmentIds.has(c.slug)).map((c) => ({ ...c, id: randomUUID() }));
      await tx.commitment.createMany({
        data: newCommitments.map((c) => ({
          ...published,
          id: c.id,
          slug: c.slug,
          actorId: actorIds.get(c.actor)!,
          kind: c.kind,
          title: c.title,
          summary: c.summary,
          quantityLow: c.quantityLow,
          quantityHigh: c.quantityHigh,
          quantityUnit: c.quantityUnit,
          quantityQualifier: c.quantityQualifier,
          quantityBasis: c.quantityBasis,
          conditions: c.conditions,
          conditionNote: c.conditionNote,
          legalForm: c.legalForm,
          parliamentaryApproval: c.parliamentaryApproval,
          requiredResponse: c.requiredResponse,
          confidence: c.confidence,
          singleSource: c.singleSource,
        })),
      });
      const stages: { id: string; commitmentId: string; stage: SeedData["commitments"][number]["stages"][number]["stage"]; date: Date; datePrecision: SeedData["commitments"][number]["stages"][number]["datePrecision"]; note: string | null }[] = [];
      for (const c of newCommitments) {
        commitmentIds.set(c.slug, c.id);
        cite(c.citations, "commitmentId", c.id);
        for (const s of c.stages) {
          const id = randomUUID();
          stages.push({ id, commitmentId: c.id, stage: s.stage, date: day(s.date)!, datePrecision: s.datePrecision, note: s.note });
          cite(s.citations, "stageId", id);
        }
        revisions.push({ entityType: "Commitment", entityId: c.id, snapshot: c });
      }
      await tx.commitmentStage.createMany({ data: stages });
      counts.commitments = newCommitments.length;
      counts.stages = stages.length;

      // Sites.
      const siteIds = await existingSlugs(tx.site);
      const newSites = data.sites.filter((s) => !siteIds.has(s.slug)).map((s) => ({ ...s, id: randomUUID() }));
      await tx.site.createMany({
        data: newSites.map((s) => ({
          ...published,
          id: s.id,
          slug: s.slug,
          kind: s.kind,
          name: s.name,
          description: s.description,
          commitmentId: s.commitment ? commitmentIds.get(s.commitment)! : null,
          precision: s.precision,
          countryIso2: s.countryIso2,
          region: s.region,
          city: s.city,
          latitude: s.latitude,
          longitude: s.longitude,
          coordinateSignedOffBy: s.coordinateSignedOffBy,
          coordinateSignedOffAt: s.coordinateSignedOffBy ? now : null,
          isContext: s.isContext,
          confidence: s.confidence,
          singleSource: s.singleSource,
        })),
      });
      await tx.siteActor.createMany({
        data: newSites.flatMap((s) => s.actors.map((a) => ({ siteId: s.id, actorId: actorIds.get(a.actor)!, role: a.role }))),
      });
      for (const s of newSites) {
        cite(s.citations, "siteId", s.id);
        revisions.push({ entityType: "Site", entityId: s.id, snapshot: s });
      }
      counts.sites = newSites.length;

      // Polls.
      const pollIds = await existingSlugs(tx.poll);
      const newPolls = data.polls.filter((p) => !pollIds.has(p.slug)).map((p) => ({ ...p, id: randomUUID() }));
      await tx.poll.createMany({
        data: newPolls.map((p) => ({
          ...published,
          id: p.id,
          slug: p.slug,
          pollster: p.pollster,
          client: p.client,
          fieldworkStart: day(p.fieldworkStart),
          fieldworkEnd: day(p.fieldworkEnd)!,
          fieldworkPrecision: p.fieldworkPrecision,
          countryId: actorByIso.get(p.country)!,
          sampleSize: p.sampleSize,
          mode: p.mode,
          question: p.question,
          questionVerbatim: p.questionVerbatim,
          wordingClass: p.wordingClass,
          support: p.support,
          oppose: p.oppose,
          dontKnow: p.dontKnow,
          note: p.note,
          confidence: p.confidence,
          singleSource: p.singleSource,
        })),
      });
      for (const p of newPolls) {
        cite(p.citations, "pollId", p.id);
        revisions.push({ entityType: "Poll", entityId: p.id, snapshot: p });
      }
      counts.polls = newPolls.length;

      // Events.
      const eventIds = await existingSlugs(tx.event);
      const newEvents = data.events.filter((e) => !eventIds.has(e.slug)).map((e) => ({ ...e, id: randomUUID() }));
      await tx.event.createMany({
        data: newEvents.map((e) => ({
          ...published,
          id: e.id,
          slug: e.slug,
          kind: e.kind,
          date: day(e.date)!,
          datePrecision: e.datePrecision,
          title: e.title,
          summary: e.summary,
          location: e.location,
          speaker: e.speaker,
          confidence: e.confidence,
          singleSource: e.singleSource,
        })),
      });
      await tx.eventActor.createMany({
        data: newEvents.flatMap((e) => e.actors.map((a) => ({ eventId: e.id, actorId: actorIds.get(a)! }))),
      });
      await tx.eventCommitment.createMany({
        data: newEvents.flatMap((e) => e.commitments.map((c) => ({ eventId: e.id, commitmentId: commitmentIds.get(c)! }))),
      });
      for (const e of newEvents) {
        cite(e.citations, "eventId", e.id);
        revisions.push({ entityType: "Event", entityId: e.id, snapshot: e });
      }
      counts.events = newEvents.length;

      // Claims and figures.
      const claimIds = await existingSlugs(tx.claim);
      const newClaims = data.claims.filter((c) => !claimIds.has(c.slug)).map((c) => ({ ...c, id: randomUUID() }));
      await tx.claim.createMany({
        data: newClaims.map((c) => ({
          ...published,
          id: c.id,
          slug: c.slug,
          kind: c.kind,
          statement: c.statement,
          actorId: c.actor ? actorIds.get(c.actor)! : null,
          valueLow: c.valueLow,
          valueHigh: c.valueHigh,
          valueQualifier: c.valueQualifier,
          unit: c.unit,
          asOf: day(c.asOf),
          asOfPrecision: c.asOfPrecision,
          verification: c.verification,
          finding: c.finding,
          origin: c.origin,
          metric: c.metric,
          confidence: c.confidence,
          singleSource: c.singleSource,
        })),
      });
      for (const c of newClaims) {
        cite(c.citations, "claimId", c.id);
        revisions.push({ entityType: "Claim", entityId: c.id, snapshot: c });
      }
      counts.claims = newClaims.length;

      await tx.citation.createMany({
        data: citations.map((c) => ({ id: c.id, sourceId: c.sourceId, quote: c.quote, note: c.note, [c.target]: c.targetId })),
      });
      counts.citations = citations.length;

      // Record time: one SEED revision and one audit entry per created record.
      const revRows = revisions.map((r) => ({
        id: randomUUID(),
        entityType: r.entityType,
        entityId: r.entityId,
        version: 1,
        action: "SEED" as const,
        snapshot: r.snapshot as object,
        message: "Initial dataset from reference/facts.md",
        authorLabel: "seed",
        createdAt: now,
      }));
      await tx.revision.createMany({ data: revRows });
      await tx.auditEntry.createMany({
        data: revRows.map((r) => ({ action: "SEED" as const, entityType: r.entityType, entityId: r.entityId, revisionId: r.id, actorLabel: "seed", at: now })),
      });
      counts.revisions = revRows.length;
      // A seed that added records is a dataset release, like a publish.
      if (revRows.length > 0) {
        await tx.release.create({
          data: { publishedAt: now, note: "Records added from the seed dataset (reference/facts.md).", authorLabel: "seed", changes: revRows.length },
        });
      }
      return counts;
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** True when the database holds no records yet (the first start seeds it). */
export async function isEmpty(prisma: PrismaClient): Promise<boolean> {
  const [actors, sources] = await Promise.all([prisma.actor.count(), prisma.source.count()]);
  return actors === 0 && sources === 0;
}

export type { Tx };

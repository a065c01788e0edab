import "server-only";
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "./client";
import { day, rowFields, type CitationTarget, type Refs, type Tx } from "./records";
import type { SeedData } from "@/lib/schemas/seed";
import type { CitationRef } from "@/lib/schemas/common";

export type SeedCounts = Record<string, number>;

/**
 * Loads validated seed data in one transaction. Records are matched by slug (sources by URL):
 * existing ones are left as editors made them, missing ones are created as published, each
 * with a SEED revision and an audit entry. Rerunning changes nothing.
 */
export async function seedDatabase(prisma: PrismaClient, data: SeedData, now = new Date()): Promise<SeedCounts> {
  const counts = await loadSeed(prisma, data, now);
  // Fresh statistics for the planner: the embedded database (PGlite) runs no autovacuum, and
  // without statistics it plans nested loops over whole tables (10× slower pages at scale).
  await prisma.$executeRawUnsafe("ANALYZE");
  return counts;
}

function loadSeed(prisma: PrismaClient, data: SeedData, now: Date): Promise<SeedCounts> {
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
        data: newSources.map((s) => ({ ...published, id: s.id, ...rowFields.sources(s) })),
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
        data: newActors.map((a) => ({ ...published, id: a.id, ...rowFields.actors(a) })),
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
      // The seed is validated for cross-references before it is loaded (parseSeed).
      const refs: Refs = {
        actor: (slug) => actorIds.get(slug)!,
        country: (iso2) => actorByIso.get(iso2)!,
        commitment: (slug) => commitmentIds.get(slug)!,
        source: (url) => knownSources.get(url)!,
      };

      // Coalition participation.
      const partIds = await existingSlugs(tx.coalitionParticipation);
      const newParts = data.participation.filter((p) => !partIds.has(p.slug)).map((p) => ({ ...p, id: randomUUID() }));
      await tx.coalitionParticipation.createMany({
        data: newParts.map((p) => ({ ...published, id: p.id, ...rowFields.participation(p, refs) })),
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
        data: newCommitments.map((c) => ({ ...published, id: c.id, ...rowFields.commitments(c, refs) })),
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
        data: newSites.map((s) => ({ ...published, id: s.id, ...rowFields.sites(s, refs, now) })),
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
        data: newPolls.map((p) => ({ ...published, id: p.id, ...rowFields.polls(p, refs) })),
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
        data: newEvents.map((e) => ({ ...published, id: e.id, ...rowFields.events(e) })),
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
        data: newClaims.map((c) => ({ ...published, id: c.id, ...rowFields.claims(c, refs) })),
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

      // Record time: a seed that added records is a dataset release, like a publish, with one
      // SEED revision and one audit entry per created record.
      const seeded = revisions.length
        ? await tx.release.create({
            data: { publishedAt: now, note: "Records added from the seed dataset (reference/facts.md).", authorLabel: "seed", changes: revisions.length },
            select: { number: true },
          })
        : null;
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
        releaseNumber: seeded?.number ?? null,
      }));
      await tx.revision.createMany({ data: revRows });
      await tx.auditEntry.createMany({
        data: revRows.map((r) => ({ action: "SEED" as const, entityType: r.entityType, entityId: r.entityId, revisionId: r.id, actorLabel: "seed", at: now })),
      });
      counts.revisions = revRows.length;
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

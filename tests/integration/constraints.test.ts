import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

// Rules the database itself enforces, behind the zod schemas.
describe("database rules", () => {
  let sourceId: string;
  beforeAll(async () => {
    sourceId = (
      await db().source.create({
        data: { slug: "zz-constraints-src", url: "https://zz.example/constraints", outlet: "Test", kind: "MEDIA" },
        select: { id: true },
      })
    ).id;
  });
  afterAll(async () => {
    await db().citation.deleteMany({ where: { sourceId } });
    await db().site.deleteMany({ where: { slug: { startsWith: "zz-" } } });
    await db().source.delete({ where: { id: sourceId } });
  });

  it("keeps the audit trail append-only", async () => {
    const entry = await db().auditEntry.create({
      data: { action: "UPDATE", entityType: "Test", entityId: "x", actorLabel: "test" },
      select: { id: true },
    });
    await expect(db().auditEntry.update({ where: { id: entry.id }, data: { actorLabel: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db().auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    expect((await db().auditEntry.findUniqueOrThrow({ where: { id: entry.id } })).actorLabel).toBe("test");
  });

  it("ties a citation to exactly one record", async () => {
    await expect(db().citation.create({ data: { sourceId } })).rejects.toThrow(/Citation_exactly_one_target/);
    const site = await db().site.create({
      data: { slug: "zz-site", kind: "HQ", name: "Test", precision: "COUNTRY", countryIso2: "FR" },
      select: { id: true },
    });
    const event = await db().event.findFirst({ select: { id: true } });
    if (event) {
      await expect(db().citation.create({ data: { sourceId, siteId: site.id, eventId: event.id } })).rejects.toThrow(
        /Citation_exactly_one_target/,
      );
    }
    await expect(db().citation.create({ data: { sourceId, siteId: site.id } })).resolves.toBeTruthy();
  });

  it("stores coordinates only at city precision, to two decimals", async () => {
    await expect(
      db().site.create({
        data: { slug: "zz-region", kind: "MILITARY_HUB", name: "R", precision: "REGION", region: "X", countryIso2: "UA", latitude: 50.45, longitude: 30.52 },
      }),
    ).rejects.toThrow(/Site_coordinates_city_only/);
    await expect(
      db().site.create({
        data: { slug: "zz-fine", kind: "MILITARY_HUB", name: "F", precision: "CITY", city: "Kyiv", countryIso2: "UA", latitude: 50.4501, longitude: 30.5234 },
      }),
    ).rejects.toThrow(/Site_coordinates_city_only/);
  });
});

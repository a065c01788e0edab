import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FEED_LIMIT } from "@/lib/db/api/feeds";
import { db } from "@/lib/db/client";
import { forgetRelease } from "@/lib/db/release";
import { seedDatabase } from "@/lib/db/seed";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";
import { apiGet } from "./api-helpers";

type Entry = { title: string; link: string; updated: string; summary: string; author: string };

/** The entries of an Atom document (enough structure to check what a feed reader would show). */
function entries(xml: string): Entry[] {
  const pick = (s: string, re: RegExp) => s.match(re)?.[1] ?? "";
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map(([, e]) => ({
    title: pick(e, /<title type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/title>/),
    link: pick(e, /<link href="([^"]+)"/),
    updated: pick(e, /<updated>([^<]+)<\/updated>/),
    summary: pick(e, /<summary type="html"><!\[CDATA\[([\s\S]*?)\]\]><\/summary>/),
    author: pick(e, /<author>\s*<name>([^<]*)<\/name>/),
  }));
}

async function feed(path: string): Promise<{ status: number; type: string | null; xml: string }> {
  const res = await apiGet(path);
  return { status: res.status, type: res.headers.get("content-type"), xml: await res.text() };
}

describe("Atom feeds of published changes", () => {
  const made = { revisions: [] as string[], releases: [] as number[], claimSlug: "" };

  beforeAll(async () => {
    const p = db();
    await seedDatabase(p, parseSeed(readSeedFiles()));
    const troops = await p.commitment.findUniqueOrThrow({ where: { slug: "gb-troops-mnf-u" } });
    const claim = await p.claim.findFirstOrThrow({ where: { status: "PUBLISHED", verification: "UNVERIFIED" }, orderBy: { slug: "asc" } });
    made.claimSlug = claim.slug;
    // A correction published in one release, then a retraction in the next.
    const correction = await p.release.create({ data: { note: "UK troop figure corrected after the MoD's statement & a <b>second</b> source", authorLabel: "Reviewer" } });
    const retraction = await p.release.create({ data: { note: "Claim withdrawn: its only source was removed", authorLabel: "Reviewer" } });
    made.releases.push(correction.number, retraction.number);
    for (const r of [
      { entityType: "Commitment", entityId: troops.id, action: "PUBLISH" as const, authorLabel: "Olena Editor", releaseNumber: correction.number },
      { entityType: "Claim", entityId: claim.id, action: "RETRACT" as const, authorLabel: "Olena Editor", releaseNumber: retraction.number },
    ]) {
      made.revisions.push((await p.revision.create({ data: { ...r, version: 80 + made.revisions.length, snapshot: {}, message: "internal reasoning" } })).id);
    }
    await p.claim.update({ where: { id: claim.id }, data: { status: "RETRACTED" } });
    forgetRelease();
  });

  afterAll(async () => {
    const p = db();
    await p.revision.deleteMany({ where: { id: { in: made.revisions } } });
    await p.release.deleteMany({ where: { number: { in: made.releases } } });
    await p.claim.update({ where: { slug: made.claimSlug }, data: { status: "PUBLISHED" } });
    forgetRelease();
  });

  it("lists the latest published changes, newest first, each linking to its public page with the release note", async () => {
    const all = await feed("/api/v1/feeds/changes.atom");
    expect(all.status).toBe(200);
    expect(all.type).toBe("application/atom+xml; charset=utf-8");
    expect(all.xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const list = entries(all.xml);
    expect(list.length).toBe(FEED_LIMIT);
    expect(list[0].title).toMatch(/^Retracted claim: /);
    expect(list[0].summary).toContain("Claim withdrawn: its only source was removed");
    expect(list[1].title).toBe("Published commitment: " + (await db().commitment.findUniqueOrThrow({ where: { slug: "gb-troops-mnf-u" } })).title);
    expect(list[1].link).toBe("http://tracker.test/commitments/gb-troops-mnf-u");
    // Text stays text: the note's markup-like characters are escaped inside the HTML summary.
    expect(list[1].summary).toContain("MoD's statement &amp; a &lt;b&gt;second&lt;/b&gt; source");
    // The feed speaks for the organisation, like the corrections log: no staff names.
    expect(list[1].author).toBe("Security Guarantees Tracker editors");
    expect(JSON.stringify(list)).not.toContain("Olena Editor");
    expect(all.xml).not.toContain("internal reasoning");
    const times = list.map((e) => e.updated);
    expect([...times].sort().reverse()).toEqual(times);
    for (const e of list) expect(e.link).toMatch(/^http:\/\/tracker\.test\/(commitments|countries|sources|timeline|polls|map)\b/);
    // The withdrawn claim's earlier history is no longer listed, only its retraction.
    expect(list.filter((e) => e.summary.includes(`<code>${made.claimSlug}</code>`))).toHaveLength(1);
  });

  it("has one feed per country and per commitment kind, and 404 for unknown ones", async () => {
    const gb = entries((await feed("/api/v1/feeds/countries/gb.atom")).xml);
    expect(gb[0].link).toBe("http://tracker.test/commitments/gb-troops-mnf-u");
    expect(gb.every((e) => !e.link.includes("/countries/") || e.link.endsWith("/countries/gb"))).toBe(true);
    const fr = entries((await feed("/api/v1/feeds/countries/FR.atom")).xml);
    expect(fr.length).toBeGreaterThan(0);
    expect(fr.some((e) => e.link.endsWith("gb-troops-mnf-u"))).toBe(false);

    const troops = entries((await feed("/api/v1/feeds/kinds/troops.atom")).xml);
    expect(troops[0].link).toBe("http://tracker.test/commitments/gb-troops-mnf-u");
    expect(troops.every((e) => e.title.startsWith("Published commitment: ") || e.title.startsWith("Added commitment: "))).toBe(true);
    const funding = entries((await feed("/api/v1/feeds/kinds/FUNDING.atom")).xml);
    expect(funding.some((e) => e.link.endsWith("gb-troops-mnf-u"))).toBe(false);

    for (const bad of ["countries/xx.atom", "countries/gbr.atom", "countries/gb.rss", "kinds/TANKS.atom", "kinds/troops.xml"]) {
      const res = await apiGet(`/api/v1/feeds/${bad}`);
      expect(res.status, bad).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });
});

// Live and frozen embeds across a publish: a live embed follows the data, a frozen one keeps the
// data of its release (and says "updated since"), and anonymous requests can freeze only the
// current release, within a cap.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as embed } from "@/app/embed/[chart]/route";
import { GET as card } from "@/app/embed/country/[code]/route";
import { db } from "@/lib/db/client";
import { forgetRelease } from "@/lib/db/release";
import { seedDatabase } from "@/lib/db/seed";
import { SNAPSHOT_CAP } from "@/lib/embed/resolve";
import { FROZEN_CACHE, LIVE_CACHE } from "@/lib/embed/serve";
import { parseSeed } from "@/lib/schemas/seed";
import { readSeedFiles } from "../../scripts/lib/seed-files";

const ORIGIN = "http://tracker.test";
const EDITED = "Edited title for the frozen embed test";
const get = (path: string) => {
  const m = /^\/embed\/(?:country\/)?([^?]+)/.exec(path)!;
  const request = new Request(ORIGIN + path);
  return path.startsWith("/embed/country/") ? card(request, { params: Promise.resolve({ code: m[1] }) }) : embed(request, { params: Promise.resolve({ chart: m[1] }) });
};
const figure = (html: string) => /<figure class="sgt-c"[\s\S]*<\/figure>/.exec(html)?.[0];

const state = { release: 0, newRelease: 0, slug: "", title: "", since: new Date() };

beforeAll(async () => {
  await seedDatabase(db(), parseSeed(readSeedFiles()));
  const c = await db().commitment.findFirstOrThrow({ where: { status: "PUBLISHED", kind: "TROOPS", actor: { slug: "gb" } }, orderBy: { slug: "asc" }, select: { slug: true, title: true } });
  Object.assign(state, { slug: c.slug, title: c.title, since: new Date() });
  forgetRelease();
  state.release = (await db().release.findFirstOrThrow({ orderBy: { number: "desc" }, select: { number: true } })).number;
});

afterAll(async () => {
  await db().commitment.update({ where: { slug: state.slug }, data: { title: state.title } });
  await db().embedSnapshot.deleteMany({ where: { createdAt: { gte: state.since } } });
  if (state.newRelease) await db().release.deleteMany({ where: { number: state.newRelease } });
  forgetRelease();
});

describe("frozen embeds", () => {
  it("freeze the current release on first request: labelled, stored once, cached like live until newer data exists", async () => {
    const r = await get(`/embed/country/gb?release=${state.release}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toMatch(new RegExp(`As published on \\d{1,2} [A-Z][a-z]{2} 20\\d\\d \\(release ${state.release}\\)`));
    expect(html).not.toContain("Updated since");
    expect(r.headers.get("cache-control")).toBe(LIVE_CACHE);
    expect(await db().embedSnapshot.count({ where: { chart: "country", release: state.release } })).toBe(1);
    // Presentation options share the snapshot; data options do not.
    expect((await get(`/embed/country/gb?release=${state.release}&lang=uk&theme=dark`)).status).toBe(200);
    expect(await db().embedSnapshot.count({ where: { chart: "country", release: state.release } })).toBe(1);
    expect((await get(`/embed/country/gb?release=${state.release}&asOf=2025-09-01`)).status).toBe(200);
    expect(await db().embedSnapshot.count({ where: { chart: "country", release: state.release } })).toBe(2);
    // Frozen downloads can never change.
    expect((await get(`/embed/country/gb.csv?release=${state.release}`)).headers.get("cache-control")).toBe(FROZEN_CACHE);
  });

  it("after a publish: the live embed shows the change, the frozen one does not and says it was updated since", async () => {
    const before = await (await get(`/embed/country/gb?release=${state.release}`)).text();
    // What a publish does: change a published record and add a release, in one transaction.
    await db().$transaction([
      db().commitment.update({ where: { slug: state.slug }, data: { title: EDITED } }),
      db().release.create({ data: { note: "Embed test edit", authorLabel: "test", changes: 1 } }),
    ]);
    state.newRelease = (await db().release.findFirstOrThrow({ orderBy: { number: "desc" }, select: { number: true } })).number;
    forgetRelease();

    const live = await (await get("/embed/country/gb")).text();
    expect(live).toContain(EDITED);
    const r = await get(`/embed/country/gb?release=${state.release}`);
    const frozen = await r.text();
    expect(frozen).not.toContain(EDITED);
    expect(frozen).toContain(state.title.slice(0, 30));
    expect(figure(frozen)).toBe(figure(before));
    expect(frozen).toMatch(/ · <a href="http:\/\/tracker\.test\/countries\/gb" class="sgt-up">Updated since — see the live chart<\/a>/);
    // From now on its bytes cannot change again.
    expect(r.headers.get("cache-control")).toBe(FROZEN_CACHE);
    expect(await (await get(`/embed/country/gb.csv?release=${state.release}`)).text()).not.toContain(EDITED);
    expect(await (await get(`/embed/country/gb.csv`)).text()).toContain(EDITED);
  });

  it("never shows live data under a frozen label: an older release without a snapshot, or a future one, is a clear 404", async () => {
    const old = await get(`/embed/polls?country=GB&release=${state.release}`);
    expect(old.status).toBe(404);
    const html = await old.text();
    expect(html).toContain(`This chart was not frozen at release ${state.release}`);
    expect(html).toContain('href="http://tracker.test/polls?country=GB"');
    const future = await get(`/embed/polls?release=${state.newRelease + 5}`);
    expect(future.status).toBe(404);
    expect(await future.text()).toContain(`Release ${state.newRelease + 5} does not exist yet (the latest is ${state.newRelease}).`);
    expect(await db().embedSnapshot.count({ where: { chart: "polls", createdAt: { gte: state.since } } })).toBe(0);
  });

  it("bounds anonymous writes: past the cap a frozen request shows live data and says so", async () => {
    await db().embedSnapshot.createMany({
      data: Array.from({ length: SNAPSHOT_CAP }, (_, i) => ({ key: `zz-embed-cap-${i}`, chart: "timeline", release: state.newRelease, options: {}, data: {} })),
    });
    const r = await get(`/embed/timeline?actor=gb&release=${state.newRelease}`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain(`This chart could not be frozen at release ${state.newRelease}`);
    expect(html).not.toContain("As published on");
    expect(r.headers.get("cache-control")).toBe(LIVE_CACHE);
    expect(await db().embedSnapshot.count({ where: { chart: "timeline", release: state.newRelease } })).toBe(SNAPSHOT_CAP);
    await db().embedSnapshot.deleteMany({ where: { key: { startsWith: "zz-embed-cap-" } } });
  });
});

import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { CHARTS } from "@/lib/views/registry";
import { chartForUrl } from "@/lib/embed/oembed";
import { parsePresentation } from "@/lib/embed/options";
import { canonicalJson, snapshotKey } from "@/lib/embed/resolve";
import { HOST_SCRIPT, RESIZE_SCRIPT, embedCsp } from "@/lib/embed/scripts";
import { citations, hostScriptTag, iframeSnippet } from "@/lib/embed/share";

describe("embed options", () => {
  it("default to a live, self-sizing, auto-themed English embed with title and notes, and ignore unknown keys", () => {
    expect(parsePresentation({ foo: "bar" })).toEqual({ ok: true, value: { theme: "auto", lang: "en", title: true, notes: true, resize: true, release: null, width: null } });
    expect(parsePresentation({ theme: "dark", lang: "uk", title: "0", notes: "off", resize: "0", release: "12", w: "narrow" })).toEqual({
      ok: true,
      value: { theme: "dark", lang: "uk", title: false, notes: false, resize: false, release: 12, width: "narrow" },
    });
  });

  it("explain bad values instead of guessing", () => {
    const r = parsePresentation({ theme: "purple", title: "maybe", release: "latest", w: "huge" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        "theme: Use light, dark or auto.",
        "title: Use 1 (show) or 0 (hide).",
        "release: Use the whole number of a dataset release, such as 3.",
        "w: Use narrow, medium or wide.",
      ]);
    }
    expect(parsePresentation({ release: "0" }).ok).toBe(false);
  });
});

describe("snapshot keys", () => {
  it("do not depend on key order or list order, and differ by release and data options", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], u: undefined })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const bind = (q: Record<string, string>) => {
      const r = CHARTS.timeline.bind(q);
      if (!r.ok) throw new Error(r.errors.join());
      return r.chart.dataOptions;
    };
    const a = bind({ actor: "gb,fr", kind: "SUMMIT", lang: "uk", theme: "dark" });
    const b = bind({ kind: "SUMMIT", actor: "fr,gb" });
    expect(snapshotKey("timeline", a, 3)).toBe(snapshotKey("timeline", b, 3));
    expect(snapshotKey("timeline", a, 3)).not.toBe(snapshotKey("timeline", a, 4));
    expect(snapshotKey("timeline", a, 3)).not.toBe(snapshotKey("timeline", bind({ actor: "gb" }), 3));
  });

  it("are parsed with the public view's own schema", () => {
    const r = CHARTS.commitments.bind({ kind: "TROOPS,NOPE" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^kind\.1: Unknown kind\. Use one of: /);
  });
});

describe("snippet and citations", () => {
  it("declares width, a height per width class, lazy loading and a title, escaping what it quotes", () => {
    const src = "https://t.example/embed/timeline?actor=gb&lang=uk";
    const s = iframeSnippet({ src, heights: { narrow: 900, medium: 640, wide: 520 }, title: 'Timeline "2026"', resize: { origin: "https://t.example" } });
    const id = /class="(sgt-[0-9a-f]{8})"/.exec(s)![1];
    expect(s).toBe(
      `<div style="container-type:inline-size"><style>@container (max-width:504px){iframe.${id}{height:900px!important}}@container (min-width:905px){iframe.${id}{height:520px!important}}</style>` +
        `<iframe class="${id}" src="https://t.example/embed/timeline?actor=gb&amp;lang=uk" title="Timeline &quot;2026&quot;" width="100%" height="640" style="width:100%;height:640px;border:0" loading="lazy"></iframe></div>` +
        '<script src="https://t.example/embed/resize.js" async></script>',
    );
    // Two embeds on one page keep their own heights; without the script, no script.
    expect(iframeSnippet({ src: `${src}&theme=dark`, heights: { narrow: 1, medium: 2, wide: 3 }, title: "" })).not.toContain(id);
    expect(iframeSnippet({ src, heights: { narrow: 1, medium: 2, wide: 3 }, title: "" })).not.toContain("<script");
    // One known width (oEmbed): one height.
    expect(iframeSnippet({ src, heights: 640, title: "T" })).toBe(
      '<iframe src="https://t.example/embed/timeline?actor=gb&amp;lang=uk" title="T" width="100%" height="640" style="width:100%;height:640px;border:0" loading="lazy"></iframe>',
    );
    expect(hostScriptTag("https://t.example")).toBe('<script src="https://t.example/embed/resize.js" async></script>');
  });

  it("cite a frozen chart by release and date, a live one by access date, with the original outlets", () => {
    const base = { title: "Polls", url: "https://t.example/embed/polls?release=3", lang: "en" as const, accessed: new Date("2026-11-28T10:00:00Z"), outlets: ["YouGov", "Forsa"] };
    const frozen = citations({ ...base, frozen: { release: 3, publishedAt: new Date("2026-01-07T09:00:00Z") } });
    expect(frozen.apa).toBe("Security Guarantees Tracker. (2026, January 7). Polls [Data set, release 3]. https://t.example/embed/polls?release=3");
    expect(frozen.chicago).toBe("Security Guarantees Tracker. “Polls.” Release 3, 7 January 2026. https://t.example/embed/polls?release=3.");
    expect(frozen.plain).toBe("Polls. Security Guarantees Tracker, release 3 (7 Jan 2026); compiled from YouGov, Forsa. https://t.example/embed/polls?release=3");
    const live = citations({ ...base, frozen: null });
    expect(live.apa).toContain("Retrieved 28 November 2026, from");
    expect(citations({ ...base, lang: "uk", frozen: null }).chicago).toContain("Переглянуто 28 листопада 2026");
  });
});

describe("oEmbed URLs", () => {
  const u = (s: string) => chartForUrl(new URL(s, "https://t.example"));
  it("map public views, embeds and builder links to charts, and nothing else", () => {
    expect(u("/timeline?actor=gb")).toMatchObject({ id: "timeline", query: { actor: "gb" } });
    expect(u("/map")?.id).toBe("europe-map");
    expect(u("/map?view=ukraine")?.id).toBe("ukraine-map");
    expect(u("/countries/gb?asOf=2025-09-01")).toMatchObject({ id: "country", code: "gb" });
    expect(u("/embed/country/fr")).toMatchObject({ id: "country", code: "fr" });
    expect(u("/embed/polls?country=GB")?.id).toBe("polls");
    expect(u("/share?chart=commitments&kind=TROOPS")?.id).toBe("commitments");
    for (const bad of ["/", "/sources", "/embed/nope", "/embed/timeline.png", "/admin", "/share?chart=nope"]) expect(u(bad)).toBeNull();
  });
});

describe("headers", () => {
  it("let any page frame /embed and no page frame anything else", async () => {
    const rules = await nextConfig.headers!();
    const match = (path: string) =>
      rules.filter((r) => new RegExp(`^${r.source.replace("/:path*", "(?:/.*)?")}$`).test(path)).flatMap((r) => r.headers);
    const embed = match("/embed/timeline");
    expect(embed.find((h) => h.key === "Content-Security-Policy")?.value).toMatch(/^frame-ancestors \*;/);
    expect(embed.some((h) => h.key === "X-Frame-Options")).toBe(false);
    for (const path of ["/", "/timeline", "/share", "/admin", "/oembed", "/embed"]) {
      const h = match(path);
      expect(h.find((x) => x.key === "Content-Security-Policy")?.value).toContain("frame-ancestors 'none'");
      expect(h.find((x) => x.key === "X-Frame-Options")?.value).toBe("DENY");
    }
    expect(embedCsp()).toContain("script-src 'sha256-");
  });
});

describe("auto-height scripts", () => {
  it("stay tiny", () => {
    expect(Buffer.byteLength(HOST_SCRIPT)).toBeLessThan(1024);
    expect(Buffer.byteLength(RESIZE_SCRIPT)).toBeLessThan(1024);
  });

  it("resize only the sending iframe, only for the tracker's origin and the exact message shape", () => {
    const listeners: ((e: { origin: string; data: unknown; source: unknown }) => void)[] = [];
    const pings: [string, unknown, string][] = [];
    // The height is set as important inline style: it must win over the snippet's per-class heights.
    const style = () => {
      const s = { height: "", setProperty: (k: string, v: string, prio: string) => void (k === "height" && prio === "important" && (s.height = v)) };
      return s;
    };
    const frame = (src: string) => ({ src, contentWindow: { postMessage: (data: unknown, origin: string) => pings.push([src, data, origin]) }, style: style(), height: "600" });
    const frames = [frame("https://t.example/embed/polls?resize=1"), frame("https://video.example/player")];
    const doc = { currentScript: { src: "https://t.example/embed/resize.js" }, getElementsByTagName: () => frames };
    new Function("document", "addEventListener", "URL", HOST_SCRIPT)(doc, (_: string, f: (typeof listeners)[number]) => listeners.push(f), URL);
    // It asks the tracker's frames (only those, only at the tracker's origin) for their height.
    expect(pings).toEqual([["https://t.example/embed/polls?resize=1", { type: "sgt-embed-ping" }, "https://t.example"]]);
    const send = (origin: string, data: unknown, source = frames[0].contentWindow) => listeners.forEach((l) => l({ origin, data, source }));
    send("https://evil.example", { type: "sgt-embed-resize", height: 900 });
    send("https://t.example", { type: "other", height: 900 });
    send("https://t.example", { type: "sgt-embed-resize", height: "900" });
    send("https://t.example", { type: "sgt-embed-resize", height: 1e9 });
    expect(frames[0].style.height).toBe("");
    send("https://t.example", { type: "sgt-embed-resize", height: 812.2 });
    expect(frames.map((f) => f.style.height)).toEqual(["813px", ""]);
  });
});

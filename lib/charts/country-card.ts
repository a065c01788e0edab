// The per-country "commitment card": one actor's commitments as they stood on a date, each with
// its kind, stage (colour and words), title, date and conditions, how binding it is, parliamentary
// approval, size and sources. Pure layout, one per width class: narrow and medium stack each
// commitment (kind, then stage chip, then text), wide puts kind and stage in a left column. A card
// with more commitments than it can show legibly becomes one row per kind with counts per stage.
import { KIND_ORDER, LEGAL_FORM_STRENGTH, STAGE_STRENGTH } from "@/lib/charts/commitment-matrix";
import { formatDate, formatQuantity } from "@/lib/format";
import type {
  ActorGroup,
  CommitmentKind,
  ConditionTag,
  Confidence,
  DatePrecision,
  LegalForm,
  LifecycleStage,
  ParliamentaryApproval,
  QuantityBasis,
  QuantityQualifier,
} from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { COUNTRY } from "@/lib/i18n/messages/countries";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { plural } from "@/lib/i18n/plural";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { fit, measureText, wrapPx, type Drawn, type DrawnLayout } from "./drawn";
import { WIDTH, type WidthClass } from "./width";

export type CardSource = { url: string; outlet: string; originalOutlet: string | null };
export type CardActor = { slug: string; iso2: string | null; name: string; nameUk: string | null; groups: ActorGroup[] };
export type CardCommitment = {
  slug: string;
  kind: CommitmentKind;
  title: string;
  stage: LifecycleStage;
  stageDate: { date: Date; datePrecision: DatePrecision } | null;
  conditions: ConditionTag[];
  legalForm: LegalForm;
  parliamentaryApproval: ParliamentaryApproval;
  quantityLow: number | null;
  quantityHigh: number | null;
  quantityUnit: string | null;
  quantityQualifier: QuantityQualifier | null;
  quantityBasis: QuantityBasis | null;
  confidence: Confidence;
  sources: CardSource[];
};
/** The card's data (also what a frozen card stores). */
export type CardData = { asOf: string; actor: CardActor; participantSince: Date | null; commitments: CardCommitment[] };

/** Above this many commitments the card shows one row per kind with counts per stage. */
export const CARD_DETAIL_MAX = 12;

/** The actor's name in a language. */
export function actorLabel(a: CardActor, lang: Lang): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** Commitments in the matrix's column order, the most advanced first within a kind. */
export function orderCard(cs: readonly CardCommitment[]): CardCommitment[] {
  return [...cs].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || STAGE_STRENGTH[b.stage] - STAGE_STRENGTH[a.stage] || a.slug.localeCompare(b.slug),
  );
}

// Sizes (layout px): kind 13 bold, title 12.5, details 11.5, stage chip 11.5 bold.
const F = { kind: 13, title: 12.5, small: 11.5, chip: 11.5 };
const LH = { kind: 17, title: 16, small: 15 };
const CHIP_H = 18;

const COMMITMENT_FORMS = {
  en: { one: "commitment", other: "commitments" },
  uk: { one: "зобов’язання", few: "зобов’язання", many: "зобов’язань", other: "зобов’язання" },
};

/** The header line: code, groups, participation. */
export function cardMeta(d: CardData, lang: Lang): string {
  const C = EMBED.card;
  return [
    d.actor.iso2,
    ...d.actor.groups.map((g) => COUNTRY.groups[g][lang]),
    d.participantSince ? fill(C.participant[lang], { date: formatDate(d.participantSince, "DAY", lang) }) : C.notParticipant[lang],
    plural(d.commitments.length, COMMITMENT_FORMS, lang),
  ]
    .filter(Boolean)
    .join(" · ");
}

type Ctx = { items: Drawn[]; lang: Lang };

function textAt(ctx: Ctx, x: number, y: number, size: number, text: string, cls: string, extra: Partial<Extract<Drawn, { kind: "text" }>> = {}) {
  ctx.items.push({ kind: "text", x, y, size, text, cls, ...extra });
}

/** A stage chip (fill by stage, the stage in words) with its top-left at (x, y); returns its width. */
function chip(ctx: Ctx, x: number, y: number, stage: LifecycleStage, label = STAGE[stage][ctx.lang]): number {
  const w = Math.ceil(measureText(label, F.chip, true) + 12);
  ctx.items.push({ kind: "rect", x, y, w, h: CHIP_H, rx: 3, cls: `s${STAGE_ORDER.indexOf(stage)}`, title: STAGE[stage][ctx.lang] });
  textAt(ctx, x + 6, y + 13, F.chip, label, "bd", { bold: true });
  return w;
}

/** Lines of lines of text as chips flow: chips placed left to right, wrapping at `width`; returns the bottom. */
function chipFlow(ctx: Ctx, x: number, y: number, width: number, chips: { stage: LifecycleStage; label: string }[]): number {
  let cx = x;
  let cy = y;
  for (const c of chips) {
    const w = Math.ceil(measureText(c.label, F.chip, true) + 12);
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += CHIP_H + 5;
    }
    chip(ctx, cx, cy, c.stage, fit(c.label, width - 12, F.chip, true));
    cx += w + 6;
  }
  return cy + CHIP_H;
}

/** The detail text of one commitment in a column from `x`, `width` wide, starting at baseline `y`; returns the last baseline. */
function details(ctx: Ctx, c: CardCommitment, x: number, y: number, width: number, titleLines: number): number {
  const { lang } = ctx;
  const C = EMBED.card;
  let ry = y;
  const title = wrapPx(c.title, width, F.title, false, titleLines);
  title.forEach((t, i) => {
    if (i) ry += LH.title;
    textAt(ctx, x, ry, F.title, t, "ln", { href: `/commitments/${c.slug}`, title: c.title });
  });
  const since = c.stageDate ? `${formatDate(c.stageDate.date, c.stageDate.datePrecision, lang)} · ` : "";
  const conditions = c.conditions.length ? c.conditions.map((t) => CONDITION[t][lang]).join("; ") : C.none[lang];
  const condText = `${since}${C.conditions[lang]}: ${conditions}`;
  for (const line of wrapPx(condText, width, F.small, false, 2)) {
    ry += LH.small;
    textAt(ctx, x, ry, F.small, line, "m", { title: condText });
  }
  ry += LH.small;
  const strength = LEGAL_FORM_STRENGTH[c.legalForm];
  for (let i = 1; i <= 4; i++) ctx.items.push({ kind: "rect", x: x + (i - 1) * 5, y: ry - 2 - i * 2, w: 3.5, h: 2 + i * 2, rx: 0.5, cls: i <= strength ? "on" : "off" });
  const binding = `${LEGAL_FORM[c.legalForm][lang]} · ${C.parliament[lang]}: ${APPROVAL[c.parliamentaryApproval][lang].toLowerCase()}`;
  const bl = wrapPx(binding, width - 24, F.small, false, 2);
  bl.forEach((line, i) => {
    if (i) ry += LH.small;
    textAt(ctx, x + 24, ry, F.small, line, "m", { title: binding });
  });
  const qty = formatQuantity({ low: c.quantityLow, high: c.quantityHigh, qualifier: c.quantityQualifier, unit: c.quantityUnit }, lang);
  if (qty) {
    const basis = c.quantityBasis ? ` (${c.quantityBasis === "OFFICIAL" ? COUNTRY.official[lang] : COUNTRY.reported[lang]})` : "";
    const size = `${C.quantity[lang]}: ${qty}${basis}`;
    ry += LH.small;
    textAt(ctx, x, ry, F.small, fit(size, width, F.small), "m", { title: size });
  }
  if (c.sources.length) {
    // Outlets on up to two lines, each a link; the rest are counted (all are in the data table).
    const names = c.sources.map((s) => s.originalOutlet ?? s.outlet);
    let lines: { text: string; href: string }[][] = [[]];
    let used = measureText(`${C.sources[lang]}: `, F.small);
    let shown = 0;
    for (let i = 0; i < names.length; i++) {
      const more = names.length - i - 1;
      const text = fit(names[i], width - 40, F.small) + (more ? ", " : "");
      const w = measureText(text, F.small);
      const reserve = more ? measureText(` +${more}`, F.small) : 0;
      if (used + w + reserve > width) {
        if (lines.length === 2) break;
        lines.push([]);
        used = 0;
      }
      lines.at(-1)!.push({ text, href: c.sources[i].url });
      used += w;
      shown++;
    }
    lines = lines.filter((l) => l.length);
    const rest = names.length - shown;
    lines.forEach((links, i) => {
      ry += LH.small;
      const last = i === lines.length - 1;
      if (last && rest) links[links.length - 1] = { ...links[links.length - 1], text: links[links.length - 1].text.replace(/, $/, "") };
      textAt(ctx, x, ry, F.small, i === 0 ? `${C.sources[lang]}: ` : "", "m", { links });
      if (last && rest) textAt(ctx, x + measureText(links.map((l) => l.text).join("") + (i === 0 ? `${C.sources[lang]}: ` : ""), F.small) + 4, ry, F.small, `+${rest}`, "m");
    });
  }
  return ry;
}

function rule(ctx: Ctx, y: number, width: number) {
  ctx.items.push({ kind: "rect", x: 0, y, w: width, h: 1, cls: "gr" });
}

/** Places the card for a width class (see the file comment); links are paths ("/commitments/x") or source URLs. */
export function cardLayout(d: CardData, w: WidthClass, lang: Lang): DrawnLayout {
  const W = WIDTH[w].design;
  const ctx: Ctx = { items: [], lang };
  let y = 0;
  for (const line of wrapPx(cardMeta(d, lang), W, F.small, false, 3)) {
    y += LH.small;
    textAt(ctx, 0, y, F.small, line, "m");
  }
  const ordered = orderCard(d.commitments);
  if (ordered.length === 0) {
    y += LH.title + 2;
    textAt(ctx, 0, y, F.title, fit(EMBED.card.noCommitments[lang], W, F.title), "t", { title: EMBED.card.noCommitments[lang] });
    return { width: W, height: Math.ceil(y + 6), items: ctx.items };
  }
  y += 6;
  const wide = w === "wide";
  const left = wide ? 220 : 0;
  const colW = W - left;
  if (ordered.length > CARD_DETAIL_MAX) {
    // Summary: per kind, counts per stage as chips and the most advanced commitment's title.
    for (const kind of KIND_ORDER) {
      const of = ordered.filter((c) => c.kind === kind);
      if (!of.length) continue;
      rule(ctx, y, W);
      const top = y;
      const kindText = `${KIND[kind][lang]} (${of.length})`;
      let ky = top;
      for (const line of wrapPx(kindText, wide ? left - 12 : W, F.kind, true, 2)) {
        ky += LH.kind + (ky === top ? 2 : 0);
        textAt(ctx, 0, ky, F.kind, line, "k", { bold: true });
      }
      const stages = STAGE_ORDER.filter((s) => of.some((c) => c.stage === s)).sort((a, b) => STAGE_STRENGTH[b] - STAGE_STRENGTH[a]);
      const chips = stages.map((s) => ({ stage: s, label: `${of.filter((c) => c.stage === s).length} · ${STAGE[s][lang]}` }));
      const cTop = wide ? top + 8 : ky + 6;
      const cBottom = chipFlow(ctx, left, cTop, colW, chips);
      let ty = cBottom + LH.title - 2;
      for (const line of wrapPx(of[0].title, colW, F.title, false, 2)) {
        textAt(ctx, left, ty, F.title, line, "ln", { href: `/commitments/${of[0].slug}`, title: of[0].title });
        ty += LH.title;
      }
      y = Math.max(ty - LH.title, ky) + 10;
    }
    return { width: W, height: Math.ceil(y), items: ctx.items };
  }
  for (const c of ordered) {
    rule(ctx, y, W);
    const top = y;
    const kind = KIND[c.kind][lang];
    let ky = top;
    let bottom: number;
    if (wide) {
      for (const line of wrapPx(kind, left - 12, F.kind, true, 2)) {
        ky += LH.kind + (ky === top ? 2 : 0);
        textAt(ctx, 0, ky, F.kind, line, "k", { bold: true });
      }
      chip(ctx, 0, ky + 6, c.stage);
      const ry = details(ctx, c, left, top + 19, colW, 3);
      bottom = Math.max(ky + 6 + CHIP_H + 4, ry + 4);
    } else if (w === "medium") {
      // Kind on the left, the chip at the right of the same line (wrapped kind when they meet).
      const cw = Math.ceil(measureText(STAGE[c.stage][lang], F.chip, true) + 12);
      for (const line of wrapPx(kind, W - cw - 12, F.kind, true, 2)) {
        ky += LH.kind + (ky === top ? 2 : 0);
        textAt(ctx, 0, ky, F.kind, line, "k", { bold: true });
      }
      chip(ctx, W - cw, top + 5, c.stage);
      bottom = details(ctx, c, 0, Math.max(ky, top + 5 + CHIP_H) + LH.title + 1, W, 2) + 4;
    } else {
      // Narrow: kind, then the chip under it, then the text, one above the other.
      for (const line of wrapPx(kind, W, F.kind, true, 2)) {
        ky += LH.kind + (ky === top ? 2 : 0);
        textAt(ctx, 0, ky, F.kind, line, "k", { bold: true });
      }
      chip(ctx, 0, ky + 6, c.stage);
      bottom = details(ctx, c, 0, ky + 6 + CHIP_H + LH.title, W, 3) + 4;
    }
    y = bottom + 6;
  }
  return { width: W, height: Math.ceil(y), items: ctx.items };
}

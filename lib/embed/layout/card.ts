// The per-country "commitment card": one actor's commitments as they stood on a date, each with
// its stage, conditions, how binding it is, parliamentary approval and sources. Pure layout:
// data from lib/db/countries.ts getCountry → rows of positioned text for the SVG renderer.
import { KIND_ORDER, LEGAL_FORM_STRENGTH, STAGE_STRENGTH } from "@/lib/charts/commitment-matrix";
import { truncate, wrap } from "@/lib/charts/timeline";
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
import { STAGE_ORDER } from "@/lib/lifecycle";
import type { SourceRef } from "../model";
import { charsFor, measure } from "./measure";

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
  sources: SourceRef[];
};
/** The card's data (also what a frozen card stores). */
export type CardData = { asOf: string; actor: CardActor; participantSince: Date | null; commitments: CardCommitment[] };

export type CardLine = { y: number; text: string; cls: "t" | "m" | "s" };
export type CardRow = {
  slug: string;
  y: number;
  h: number;
  /** Kind label lines (baselines from the row's top), left of the stage badge. */
  kindLines: string[];
  badge: { x: number; w: number; label: string; stageIndex: number };
  titleLines: { y: number; text: string }[];
  lines: CardLine[];
  binding: { y: number; strength: number; text: string };
  sources: { y: number; items: SourceRef[]; more: number };
};
export type CardLayout = { width: number; height: number; meta: string; empty: string | null; sourcesLabel: string; rows: CardRow[]; pad: number };

// One column, narrow enough to stay legible on a phone; embeds never draw it wider than this.
const G = { width: 400, pad: 12, headH: 28, line: 16, small: 15, badgeH: 18 };

export function actorLabel(a: CardActor, lang: Lang): string {
  return lang === "uk" && a.nameUk ? a.nameUk : a.name;
}

/** Commitments in the matrix's column order, the most advanced first within a kind. */
export function orderCard(cs: readonly CardCommitment[]): CardCommitment[] {
  return [...cs].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || STAGE_STRENGTH[b.stage] - STAGE_STRENGTH[a.stage] || a.slug.localeCompare(b.slug),
  );
}

/** Places the card: a header line, then per commitment its kind and stage, title, date and conditions, how binding, size and sources. */
export function layoutCard(d: CardData, lang: Lang): CardLayout {
  const C = EMBED.card;
  const meta = [
    d.actor.iso2,
    ...d.actor.groups.map((g) => COUNTRY.groups[g][lang]),
    d.participantSince ? fill(C.participant[lang], { date: formatDate(d.participantSince, "DAY", lang) }) : C.notParticipant[lang],
  ]
    .filter(Boolean)
    .join(" · ");
  const inner = G.width - 2 * G.pad;
  const rows: CardRow[] = [];
  let y = G.headH;
  for (const c of orderCard(d.commitments)) {
    const label = STAGE[c.stage][lang];
    const badgeW = Math.ceil(measure(label, 11) * 1.08 + 14);
    const kind = KIND[c.kind][lang];
    const kindLines = wrap(kind, charsFor(kind, inner - badgeW - 10, 13, true), 2);
    let ry = y + 18 + (kindLines.length - 1) * G.line + G.line + 2;
    const titleLines = wrap(c.title, charsFor(c.title, inner, 12.5), 2).map((text) => {
      const line = { y: ry, text };
      ry += G.line;
      return line;
    });
    const lines: CardLine[] = [];
    const since = c.stageDate ? `${formatDate(c.stageDate.date, c.stageDate.datePrecision, lang)} · ` : "";
    const conditions = c.conditions.length ? c.conditions.map((t) => CONDITION[t][lang]).join("; ") : C.none[lang];
    const condText = `${since}${C.conditions[lang]}: ${conditions}`;
    for (const text of wrap(condText, charsFor(condText, inner, 11.5), 2)) {
      lines.push({ y: ry, text, cls: "m" });
      ry += G.small;
    }
    const binding = { y: ry, strength: LEGAL_FORM_STRENGTH[c.legalForm], text: `${LEGAL_FORM[c.legalForm][lang]} · ${C.parliament[lang]}: ${APPROVAL[c.parliamentaryApproval][lang].toLowerCase()}` };
    ry += G.small;
    const qty = formatQuantity({ low: c.quantityLow, high: c.quantityHigh, qualifier: c.quantityQualifier, unit: c.quantityUnit }, lang);
    if (qty) {
      const basis = c.quantityBasis ? ` (${c.quantityBasis === "OFFICIAL" ? COUNTRY.official[lang] : COUNTRY.reported[lang]})` : "";
      const size = `${C.quantity[lang]}: ${qty}${basis}`;
      lines.push({ y: ry, text: truncate(size, charsFor(size, inner, 11.5)), cls: "m" });
      ry += G.small;
    }
    // As many outlets as fit on one line; the rest are counted (all are in the data table).
    const items: SourceRef[] = [];
    let used = measure(`${C.sources[lang]}: `, 11.5);
    for (const s of c.sources) {
      const w = measure(`${s.originalOutlet ?? s.outlet}, `, 11.5);
      if (used + w > inner - 24) break;
      items.push(s);
      used += w;
    }
    const sources = { y: ry, items, more: c.sources.length - items.length };
    ry += G.small;
    const h = ry - y + 6;
    rows.push({
      slug: c.slug,
      y,
      h,
      kindLines,
      badge: { x: G.width - G.pad - badgeW, w: badgeW, label, stageIndex: STAGE_ORDER.indexOf(c.stage) },
      titleLines,
      lines,
      binding,
      sources,
    });
    y += h;
  }
  const empty = rows.length ? null : C.noCommitments[lang];
  return { width: G.width, height: y + (empty ? 36 : 2), meta, empty, sourcesLabel: C.sources[lang], rows, pad: G.pad };
}

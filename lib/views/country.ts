import "server-only";
import { z } from "zod";
import { STAGE_STRENGTH } from "@/lib/charts/commitment-matrix";
import { getCountry, normaliseCode } from "@/lib/db/countries";
import { formatDate } from "@/lib/format";
import { APPROVAL, CONDITION, KIND, LEGAL_FORM, STAGE } from "@/lib/i18n/labels";
import { EMBED } from "@/lib/i18n/messages/embed";
import { fill } from "@/lib/i18n/messages/map";
import { STAGE_ORDER } from "@/lib/lifecycle";
import { BaseViewParams, asOfDate, first } from "@/lib/schemas/search-params";
import { perWidth } from "@/lib/charts/width";
import { defineChart } from "./define";
import { actorLabel, cardLayout, orderCard, type CardData } from "@/lib/charts/country-card";

/** The country card's parameters: the view's date and language, and the actor's code from the path. */
export const CountryCardParams = BaseViewParams.extend({
  code: z.preprocess(
    first,
    z
      .string({ message: "code: give a country code such as gb, or an actor slug such as eu." })
      .refine((c) => normaliseCode(c.toLowerCase()) !== null, "Use a country code such as gb, or an actor slug such as eu."),
  ),
});
type Params = z.infer<typeof CountryCardParams>;

/** Columns of the card's CSV: one row per commitment on the card. */
export const CARD_COLUMNS = [
  "actor", "iso2", "commitment", "kind", "title", "stage", "stage_date", "conditions", "legal_form",
  "parliamentary_approval", "quantity_low", "quantity_high", "quantity_unit", "quantity_qualifier",
  "quantity_basis", "confidence", "sources",
] as const;

/** The per-country commitment card (/countries/<code>): one actor's commitments on a date. */
export const countryChart = defineChart<Params, CardData>({
  id: "country",
  schema: CountryCardParams,
  viewPath: (p) => `/countries/${p.code.toLowerCase()}`,
  viewQuery: (p) => ({ asOf: p.asOf }),
  dataOptions: (p) => ({ code: p.code.toLowerCase(), asOf: p.asOf }),
  async load(p) {
    const asOf = asOfDate(p.asOf);
    const v = await getCountry(p.code.toLowerCase(), asOf.end);
    if (!v) return { ok: false, status: 404, errors: [`code: No published country or organisation has the code “${p.code}”.`] };
    const since = v.participations.map((x) => x.firstRecorded).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    return {
      ok: true,
      data: {
        asOf: asOf.iso,
        actor: { slug: v.actor.slug, iso2: v.actor.iso2, name: v.actor.name, nameUk: v.actor.nameUk, groups: v.actor.groups },
        participantSince: since,
        commitments: v.commitments.flatMap((c) =>
          c.stage
            ? [
                {
                  slug: c.slug,
                  kind: c.kind,
                  title: c.title,
                  stage: c.stage,
                  stageDate: c.stageDate ? { date: c.stageDate.date, datePrecision: c.stageDate.datePrecision } : null,
                  conditions: c.conditions,
                  legalForm: c.legalForm,
                  parliamentaryApproval: c.parliamentaryApproval,
                  quantityLow: c.quantityLow,
                  quantityHigh: c.quantityHigh,
                  quantityUnit: c.quantityUnit,
                  quantityQualifier: c.quantityQualifier,
                  quantityBasis: c.quantityBasis,
                  confidence: c.confidence,
                  sources: c.sources.map(({ url, outlet, originalOutlet }) => ({ url, outlet, originalOutlet })),
                },
              ]
            : [],
        ),
      },
    };
  },
  model(d, _p, { lang }) {
    const asOf = asOfDate(d.asOf);
    const layouts = perWidth((w) => cardLayout(d, w, lang));
    const name = actorLabel(d.actor, lang);
    const date = formatDate(asOf.end, "DAY", lang);
    const ordered = orderCard(d.commitments);
    const top = [...ordered].sort((a, b) => STAGE_STRENGTH[b.stage] - STAGE_STRENGTH[a.stage])[0];
    const T = EMBED.table;
    const present = STAGE_ORDER.filter((s) => ordered.some((c) => c.stage === s));
    return {
      title: fill(EMBED.card.title[lang], { name }),
      description: top
        ? fill(EMBED.desc.card[lang], { date, name, n: ordered.length, stage: STAGE[top.stage][lang], kind: KIND[top.kind][lang].toLowerCase() })
        : fill(EMBED.desc.cardNone[lang], { date, name }),
      spec: { kind: "country", layouts },
      sizes: perWidth((w) => ({ width: layouts[w].width, height: layouts[w].height })),
      scope: "cc",
      legend: present.map((s) => ({ label: STAGE[s][lang], swatch: { shape: "rect", className: `s${STAGE_ORDER.indexOf(s)}` } })),
      notes: [],
      sources: ordered.flatMap((c) => c.sources),
      table: {
        caption: fill(EMBED.card.title[lang], { name }),
        columns: [T.kind[lang], T.title[lang], T.stage[lang], T.since[lang], T.conditions[lang], T.legalForm[lang], T.approval[lang], T.sources[lang]],
        rows: ordered.map((c) => [
          KIND[c.kind][lang],
          c.title,
          STAGE[c.stage][lang],
          c.stageDate ? formatDate(c.stageDate.date, c.stageDate.datePrecision, lang) : "–",
          c.conditions.map((t) => CONDITION[t][lang]).join("; ") || "–",
          LEGAL_FORM[c.legalForm][lang],
          APPROVAL[c.parliamentaryApproval][lang],
          c.sources.map((s) => s.originalOutlet ?? s.outlet).join("; "),
        ]),
      },
      csv: {
        columns: CARD_COLUMNS,
        rows: ordered.map((c) => ({
          actor: d.actor.name,
          iso2: d.actor.iso2,
          commitment: c.slug,
          kind: c.kind,
          title: c.title,
          stage: c.stage,
          stage_date: c.stageDate ? c.stageDate.date.toISOString().slice(0, 10) : null,
          conditions: c.conditions.join(" "),
          legal_form: c.legalForm,
          parliamentary_approval: c.parliamentaryApproval,
          quantity_low: c.quantityLow,
          quantity_high: c.quantityHigh,
          quantity_unit: c.quantityUnit,
          quantity_qualifier: c.quantityQualifier,
          quantity_basis: c.quantityBasis,
          confidence: c.confidence,
          sources: c.sources.map((s) => s.url).join(" "),
        })),
      },
      filename: `${d.actor.slug}-card-${asOf.iso}`,
      asOf: asOf.iso,
    };
  },
});

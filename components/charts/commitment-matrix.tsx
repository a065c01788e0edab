// The commitments comparison: the matrix chart (one SVG per width class, laid out in
// lib/charts/commitment-matrix.ts and switched by container queries) and the small pieces the
// page's table and key share (condition codes, binding bars, stage dates). Stateless; no client JavaScript.
import { Responsive } from "@/components/charts/responsive";
import {
  LEGAL_FORM_STRENGTH,
  type CellLink,
  type PlacedMatrix,
  type PlacedText,
  type ShownCommitment,
} from "@/lib/charts/commitment-matrix";
import { WIDTH_CLASSES, type PerWidth } from "@/lib/charts/width";
import { formatDate } from "@/lib/format";
import type { ConditionTag, LegalForm, ParliamentaryApproval } from "@/lib/generated/prisma/enums";
import type { Lang } from "@/lib/i18n";
import { APPROVAL, CONDITION, CONFIDENCE, LEGAL_FORM } from "@/lib/i18n/labels";
import { APPROVAL_SHORT, COMMITMENTS as T, CONDITION_ABBR, LEGAL_FORM_SHORT } from "@/lib/i18n/messages/commitments";
import { STAGE_ORDER } from "@/lib/lifecycle";

/** Condition tags as short codes; each carries its full label (tooltip and screen readers). */
export function ConditionCodes({ tags, lang }: { tags: ConditionTag[]; lang: Lang }) {
  if (tags.length === 0) {
    return <span className="text-muted">{T.noConditions[lang]}</span>;
  }
  return (
    <span className="inline-flex flex-wrap gap-1">
      {tags.map((t) => (
        <abbr key={t} title={CONDITION[t][lang]} className="rounded border border-rule px-1 font-mono text-[0.6875rem] leading-4 no-underline">
          <span aria-hidden="true">{CONDITION_ABBR[t][lang]}</span>
          <span className="sr-only">{CONDITION[t][lang]}</span>
        </abbr>
      ))}
    </span>
  );
}

/** Four bars for the legal form (statement 1 … treaty 4); decoration beside the text, never alone. */
export function BindingBars({ form }: { form: LegalForm }) {
  const n = LEGAL_FORM_STRENGTH[form];
  return (
    <span aria-hidden="true" className="inline-flex items-end gap-px align-middle">
      {[1, 2, 3, 4].map((i) => (
        <span
          key={i}
          className={`inline-block w-1 rounded-[1px] ${i <= n ? "bg-ink" : "border border-rule"}`}
          style={{ height: `${4 + i * 2}px` }}
        />
      ))}
    </span>
  );
}

/** How binding: legal form (bars + text) and the state of parliamentary approval. */
export function Binding({ form, approval, lang, compact = false }: { form: LegalForm; approval: ParliamentaryApproval; lang: Lang; compact?: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5">
      <BindingBars form={form} />
      {compact ? (
        <abbr title={`${LEGAL_FORM[form][lang]}; ${T.parliament[lang]}: ${APPROVAL[approval][lang]}`} className="no-underline">
          {LEGAL_FORM_SHORT[form][lang]}
          {approval !== "UNKNOWN" && <> · {APPROVAL_SHORT[approval][lang]}</>}
        </abbr>
      ) : (
        <span>
          {LEGAL_FORM[form][lang]} · {APPROVAL_SHORT[approval][lang]}
        </span>
      )}
    </span>
  );
}

/** "since 6 Jan 2026", at the precision the date is known. */
export function StageDate({ c, lang, bare = false }: { c: ShownCommitment; lang: Lang; bare?: boolean }) {
  const iso = c.stageSince.date.toISOString().slice(0, 10);
  return (
    <span className="text-xs text-muted">
      {bare ? null : `${T.since[lang]} `}
      <time dateTime={iso}>{formatDate(c.stageSince.date, c.stageSince.datePrecision, lang)}</time>
    </span>
  );
}

/** Flags a single-source or low-confidence record in the cell itself, so nobody reads it as settled. */
export function Reliability({ c, lang }: { c: ShownCommitment; lang: Lang }) {
  const weak = c.confidence === "LOW" || c.confidence === "UNVERIFIED";
  if (!c.singleSource && !weak) return null;
  const text = [c.singleSource ? T.singleSourceShort[lang] : null, weak ? CONFIDENCE[c.confidence][lang].toLowerCase() : null].filter(Boolean).join(", ");
  return <span className="ml-1 inline-block rounded border border-dashed border-muted px-1 text-[0.6875rem] whitespace-nowrap text-muted">{text}</span>;
}

const STAGE_VAR = ["floated", "announced", "conditional", "formalised", "approved", "deployed", "ruled-out", "withdrawn"];

/** Stage fill classes s0…s7 (STAGE_ORDER) on the stage colour tokens, shared with the country card and the legends. */
export const STAGE_FILL_CSS = (scope: string) => STAGE_ORDER.map((_, i) => `.${scope} .s${i}{fill:var(--color-stage-${STAGE_VAR[i]})}`).join("");

const CSS = `.mx{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif}
.mx text{fill:var(--ink)}
.mx .mu{fill:var(--muted)}
.mx .gr{stroke:var(--rule);stroke-width:1}
.mx .c{stroke:var(--rule);stroke-width:1}
.mx .cd{fill:var(--color-stage-ink);pointer-events:none;font-size:11px}
.mx .gc{text-anchor:middle;font-weight:650}
.mx .hd{fill:var(--muted);font-size:11px;text-anchor:middle}
.mx .wk{fill:none;stroke:var(--color-stage-ink);stroke-width:1;stroke-dasharray:2 2}
.mx .wl{stroke:var(--muted)}
.mx a:focus{outline:none}
.mx a:hover .c,.mx a:focus .c{stroke:var(--accent);stroke-width:2.5}
${STAGE_FILL_CSS("mx")}`;

// Cell labels and headings take their size, weight and anchor from the style sheet (bytes: a
// dense matrix draws hundreds of them); other text carries its own.
function Text({ t, className }: { t: PlacedText; className?: string }) {
  const styled = className !== undefined;
  return (
    <text
      x={t.x}
      y={t.y}
      fontSize={styled ? undefined : t.size}
      textAnchor={styled || t.anchor === "start" ? undefined : t.anchor}
      fontWeight={styled || !t.bold ? undefined : 650}
      className={className ?? (t.muted ? "mu" : undefined)}
    >
      {t.text}
      {t.full && <title>{t.full}</title>}
    </text>
  );
}

function Cell({ c, dy, form }: { c: PlacedMatrix["cells"][number]; dy: number; form: PlacedMatrix["form"] }) {
  const y = c.y - dy;
  return (
    <>
      <rect className={`c s${c.stageIndex}`} x={c.x} y={y} width={c.w} height={c.h} rx={2} />
      {c.weak && <rect className="wk" x={c.x + 2} y={y + 2} width={c.w - 4} height={c.h - 4} rx={1} />}
      <Text t={{ ...c.label, y: c.label.y - dy }} className={form === "grid" ? "cd gc" : "cd"} />
    </>
  );
}

const textClass = (t: PlacedText) => (t.muted && t.anchor === "middle" && t.size === 11 ? "hd" : undefined);

/**
 * One width class's matrix as SVG: every cell or chip is a link to its (strongest) commitment,
 * named in full for screen readers and as a tooltip; stage colour always comes with its code.
 */
export function MatrixChart({ placed: p, title, desc, href, id }: { placed: PlacedMatrix; title: string; desc: string; href: (to: CellLink) => string; id: string }) {
  return (
    <svg className="mx" width={p.w} height={p.h} viewBox={`0 0 ${p.w} ${p.h}`} role="group" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} data-form={p.form}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{desc}</desc>
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
      <g aria-hidden="true">
        {p.lines.map((l, i) => (
          <line key={i} className="gr" x1={l.x1} y1={l.y1} x2={l.x2} y2={l.y2} />
        ))}
        {p.texts.map((t, i) => (
          <Text key={i} t={t} className={textClass(t)} />
        ))}
      </g>
      {p.rows.map((r, ri) => {
        const cells = p.cells.filter((c) => c.row === ri);
        if (!cells.length) return null;
        // Cells are drawn relative to their row (one translate), so rows repeat the same numbers.
        const dy = Math.min(...cells.map((c) => c.y));
        const inner = r.link ? (
          <a href={href(r.link)}>
            <title>{r.name}</title>
            {cells.map((c, i) => (
              <Cell key={i} c={c} dy={dy} form={p.form} />
            ))}
          </a>
        ) : (
          cells.map((c, i) => (
            <a key={i} href={href(c.link)}>
              <title>{c.name}</title>
              <Cell c={c} dy={dy} form={p.form} />
            </a>
          ))
        );
        return (
          <g key={ri} transform={`translate(0 ${dy})`}>
            {inner}
          </g>
        );
      })}
    </svg>
  );
}

/** The matrix for every width class, switched by the container's width (pages and embeds). */
export function MatrixCharts(props: { layouts: PerWidth<PlacedMatrix>; title: string; desc: string; href: (to: CellLink) => string }) {
  const node = (w: (typeof WIDTH_CLASSES)[number]) => <MatrixChart placed={props.layouts[w]} title={props.title} desc={props.desc} href={props.href} id={`mx-${w[0]}`} />;
  return <Responsive chart="commitments" layouts={{ narrow: node("narrow"), medium: node("medium"), wide: node("wide") }} />;
}

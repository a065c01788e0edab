"use client";
import { Button } from "@/components/ui/button";
import { Field as FieldBox, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { DATE_PRECISION_OPTIONS, SITE_ACTOR_ROLE_OPTIONS, STAGE_OPTIONS, type Field, type Option } from "@/lib/admin/entities";

// One control per field kind of lib/admin/entities.ts. Values are kept in the shape of the zod
// input: empty optional text, dates, numbers and choices become null; lists are arrays.

export type Refs = { actor: Option[]; country: Option[]; commitment: Option[]; source: Option[] };
export type Errors = Record<string, string[]>;
type Citation = { url: string; quote: string | null; note: string | null };
type Stage = { stage: string; date: string; datePrecision: string; note: string | null; citations: Citation[] };

/** The DOM id of a field path ("stages.0.date" → "f-stages-0-date"). */
export const fieldId = (path: string) => `f-${path.replace(/\./g, "-")}`;

const orNull = (s: string) => (s.trim() === "" ? null : s);

type Props = { field: Field; value: unknown; onChange: (v: unknown) => void; errors: Errors; refs: Refs; path?: string };

/** Renders one field of a record form with its label, hint and errors. */
export function FormField({ field, value, onChange, errors, refs, path = field.name }: Props) {
  const id = fieldId(path);
  const errs = errors[path];
  const aria = describedBy(id, field.hint, errs);
  const box = (control: React.ReactNode, required = false) => (
    <FieldBox id={id} label={field.label} hint={field.hint} errors={errs} required={required}>
      {control}
    </FieldBox>
  );

  switch (field.kind) {
    case "text":
      return box(
        <input
          id={id}
          value={(value as string | null) ?? ""}
          maxLength={field.max}
          onChange={(e) => onChange(field.required ? e.target.value : orNull(e.target.value))}
          className={INPUT_CLASS}
          {...aria}
        />,
        field.required,
      );
    case "textarea":
      return box(
        <textarea
          id={id}
          value={(value as string | null) ?? ""}
          maxLength={field.max}
          rows={field.max > 1000 ? 6 : 3}
          onChange={(e) => onChange(field.required ? e.target.value : orNull(e.target.value))}
          className={INPUT_CLASS}
          {...aria}
        />,
        field.required,
      );
    case "number":
      return box(
        <input
          id={id}
          type="number"
          inputMode="decimal"
          step={field.integer ? "1" : (field.step ?? "any")}
          value={value === null || value === undefined ? "" : String(value)}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
          className={INPUT_CLASS}
          {...aria}
        />,
      );
    case "date":
      return box(
        <input
          id={id}
          type="date"
          value={(value as string | null) ?? ""}
          onChange={(e) => onChange(field.required ? e.target.value : orNull(e.target.value))}
          className={INPUT_CLASS}
          {...aria}
        />,
        field.required,
      );
    case "select":
      return box(
        <select id={id} value={(value as string | null) ?? ""} onChange={(e) => onChange(orNull(e.target.value))} className={INPUT_CLASS} {...aria}>
          {field.nullable ? <option value="">—</option> : null}
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>,
      );
    case "ref":
      return box(
        <select id={id} value={(value as string | null) ?? ""} onChange={(e) => onChange(field.nullable ? orNull(e.target.value) : e.target.value)} className={INPUT_CLASS} {...aria}>
          <option value="">{field.nullable ? "—" : "Choose…"}</option>
          {refs[field.ref].map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>,
        !field.nullable,
      );
    case "checkbox":
      return (
        <div className="space-y-1">
          <label className="flex items-center gap-2 text-sm font-medium">
            <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} {...aria} />
            {field.label}
          </label>
          {field.hint ? (
            <p id={`${id}-hint`} className="text-xs text-muted">
              {field.hint}
            </p>
          ) : null}
          <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
            {errs?.map((e) => <p key={e}>{e}</p>)}
          </div>
        </div>
      );
    case "multi":
    case "refs": {
      const options = field.kind === "multi" ? field.options : refs[field.ref];
      const selected = new Set((value as string[]) ?? []);
      const toggle = (v: string, on: boolean) => onChange(options.map((o) => o.value).filter((x) => (x === v ? on : selected.has(x))));
      return (
        <fieldset id={id} className="space-y-1" {...aria}>
          <legend className="text-sm font-medium">{field.label}</legend>
          {field.hint ? (
            <p id={`${id}-hint`} className="text-xs text-muted">
              {field.hint}
            </p>
          ) : null}
          <div className={`grid gap-x-4 gap-y-1 sm:grid-cols-2 ${options.length > 12 ? "max-h-56 overflow-y-auto rounded border border-rule p-2" : ""}`}>
            {options.map((o) => (
              <label key={o.value} className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={selected.has(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
            {errs?.map((e) => <p key={e}>{e}</p>)}
          </div>
        </fieldset>
      );
    }
    case "citations":
      return <CitationsField id={id} path={path} label={field.label} hint={field.hint} value={(value as Citation[]) ?? []} onChange={onChange} errors={errors} sources={refs.source} />;
    case "stages":
      return <StagesField id={id} path={path} label={field.label} hint={field.hint} value={(value as Stage[]) ?? []} onChange={onChange} errors={errors} sources={refs.source} />;
    case "siteActors":
      return <SiteActorsField id={id} path={path} label={field.label} value={(value as { actor: string; role: string }[]) ?? []} onChange={onChange} errors={errors} actors={refs.actor} />;
    case "signOff":
      return (
        <div className="space-y-1 text-sm">
          <p className="font-medium">{field.label}</p>
          <p id={id}>{value ? `Signed off by ${String(value)}` : "Not signed off."}</p>
          <div id={`${id}-error`} aria-live="polite" className="text-red-800 dark:text-red-300">
            {errs?.map((e) => <p key={e}>{e}</p>)}
          </div>
        </div>
      );
  }
}

function Group({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string[]; children: React.ReactNode }) {
  return (
    <fieldset id={id} className="space-y-2 rounded border border-rule p-3" aria-describedby={`${id}-error`}>
      <legend className="px-1 text-sm font-medium">{label}</legend>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
      {children}
      <div id={`${id}-error`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
        {error?.map((e) => <p key={e}>{e}</p>)}
      </div>
    </fieldset>
  );
}

const replaceAt = <T,>(list: T[], i: number, item: T) => list.map((x, k) => (k === i ? item : x));

function CitationsField(props: { id: string; path: string; label: string; hint?: string; value: Citation[]; onChange: (v: unknown) => void; errors: Errors; sources: Option[] }) {
  const { id, path, value, onChange, errors, sources } = props;
  const listId = `${id}-sources`;
  return (
    <Group id={id} label={props.label} hint={props.hint} error={errors[path]}>
      <datalist id={listId}>
        {sources.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </datalist>
      {value.map((c, i) => {
        const p = `${path}.${i}`;
        const known = sources.find((s) => s.value === c.url);
        return (
          <div key={i} className="space-y-2 border-b border-rule pb-2 last:border-0">
            <FieldBox id={fieldId(`${p}.url`)} label={`Source ${i + 1} (address)`} errors={errors[`${p}.url`]} required>
              <input
                id={fieldId(`${p}.url`)}
                list={listId}
                value={c.url}
                onChange={(e) => onChange(replaceAt(value, i, { ...c, url: e.target.value }))}
                className={INPUT_CLASS}
                {...describedBy(fieldId(`${p}.url`), undefined, errors[`${p}.url`])}
              />
            </FieldBox>
            <p className="text-xs text-muted">{known ? known.label : c.url ? "Not a published source yet: publish it before this record." : "Type to search published sources."}</p>
            <FieldBox id={fieldId(`${p}.quote`)} label="Quote" errors={errors[`${p}.quote`]}>
              <textarea
                id={fieldId(`${p}.quote`)}
                rows={2}
                maxLength={1000}
                value={c.quote ?? ""}
                onChange={(e) => onChange(replaceAt(value, i, { ...c, quote: orNull(e.target.value) }))}
                className={INPUT_CLASS}
                {...describedBy(fieldId(`${p}.quote`), undefined, errors[`${p}.quote`])}
              />
            </FieldBox>
            <FieldBox id={fieldId(`${p}.note`)} label="Note" errors={errors[`${p}.note`]}>
              <input
                id={fieldId(`${p}.note`)}
                maxLength={500}
                value={c.note ?? ""}
                onChange={(e) => onChange(replaceAt(value, i, { ...c, note: orNull(e.target.value) }))}
                className={INPUT_CLASS}
                {...describedBy(fieldId(`${p}.note`), undefined, errors[`${p}.note`])}
              />
            </FieldBox>
            <Button type="button" variant="danger" onClick={() => onChange(value.filter((_, k) => k !== i))}>
              Remove source {i + 1}
            </Button>
          </div>
        );
      })}
      <Button type="button" onClick={() => onChange([...value, { url: "", quote: null, note: null }])}>
        Add a source
      </Button>
    </Group>
  );
}

function StagesField(props: { id: string; path: string; label: string; hint?: string; value: Stage[]; onChange: (v: unknown) => void; errors: Errors; sources: Option[] }) {
  const { id, path, value, onChange, errors, sources } = props;
  return (
    <Group id={id} label={props.label} hint={props.hint} error={errors[path]}>
      {value.map((s, i) => {
        const p = `${path}.${i}`;
        const set = (patch: Partial<Stage>) => onChange(replaceAt(value, i, { ...s, ...patch }));
        const sub = (name: keyof Stage) => ({ id: fieldId(`${p}.${name}`), errs: errors[`${p}.${name}`] });
        return (
          <div key={i} className="space-y-2 rounded bg-subtle p-2">
            <div className="grid gap-2 sm:grid-cols-3">
              <FieldBox id={sub("stage").id} label={`Stage ${i + 1}`} errors={sub("stage").errs}>
                <select id={sub("stage").id} value={s.stage} onChange={(e) => set({ stage: e.target.value })} className={INPUT_CLASS} {...describedBy(sub("stage").id, undefined, sub("stage").errs)}>
                  {STAGE_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </FieldBox>
              <FieldBox id={sub("date").id} label="Date" errors={sub("date").errs} required>
                <input id={sub("date").id} type="date" value={s.date} onChange={(e) => set({ date: e.target.value })} className={INPUT_CLASS} {...describedBy(sub("date").id, undefined, sub("date").errs)} />
              </FieldBox>
              <FieldBox id={sub("datePrecision").id} label="Precision" errors={sub("datePrecision").errs}>
                <select id={sub("datePrecision").id} value={s.datePrecision} onChange={(e) => set({ datePrecision: e.target.value })} className={INPUT_CLASS}>
                  {DATE_PRECISION_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </FieldBox>
            </div>
            <FieldBox id={sub("note").id} label="Note" errors={sub("note").errs}>
              <input id={sub("note").id} maxLength={1000} value={s.note ?? ""} onChange={(e) => set({ note: orNull(e.target.value) })} className={INPUT_CLASS} {...describedBy(sub("note").id, undefined, sub("note").errs)} />
            </FieldBox>
            <CitationsField id={fieldId(`${p}.citations`)} path={`${p}.citations`} label={`Sources of stage ${i + 1}`} value={s.citations} onChange={(v) => set({ citations: v as Citation[] })} errors={errors} sources={sources} />
            <Button type="button" variant="danger" onClick={() => onChange(value.filter((_, k) => k !== i))}>
              Remove stage {i + 1}
            </Button>
          </div>
        );
      })}
      <Button type="button" onClick={() => onChange([...value, { stage: "ANNOUNCED", date: "", datePrecision: "DAY", note: null, citations: [] }])}>
        Add a stage
      </Button>
    </Group>
  );
}

function SiteActorsField(props: { id: string; path: string; label: string; value: { actor: string; role: string }[]; onChange: (v: unknown) => void; errors: Errors; actors: Option[] }) {
  const { id, path, value, onChange, errors, actors } = props;
  return (
    <Group id={id} label={props.label} error={errors[path]}>
      {value.map((a, i) => {
        const p = `${path}.${i}`;
        return (
          <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_10rem_auto]">
            <FieldBox id={fieldId(`${p}.actor`)} label={`Actor ${i + 1}`} errors={errors[`${p}.actor`]}>
              <select id={fieldId(`${p}.actor`)} value={a.actor} onChange={(e) => onChange(replaceAt(value, i, { ...a, actor: e.target.value }))} className={INPUT_CLASS}>
                <option value="">Choose…</option>
                {actors.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </FieldBox>
            <FieldBox id={fieldId(`${p}.role`)} label="Role" errors={errors[`${p}.role`]}>
              <select id={fieldId(`${p}.role`)} value={a.role} onChange={(e) => onChange(replaceAt(value, i, { ...a, role: e.target.value }))} className={INPUT_CLASS}>
                {SITE_ACTOR_ROLE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </FieldBox>
            <Button type="button" variant="danger" onClick={() => onChange(value.filter((_, k) => k !== i))}>
              Remove
            </Button>
          </div>
        );
      })}
      <Button type="button" onClick={() => onChange([...value, { actor: "", role: "PARTNER" }])}>
        Add an actor
      </Button>
    </Group>
  );
}

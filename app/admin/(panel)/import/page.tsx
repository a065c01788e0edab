import type { Metadata } from "next";
import { ImportForm } from "@/components/admin/import-form";
import { ENTITIES, type Field as FormField, type RefKind } from "@/lib/admin/entities";
import { requireActor } from "@/lib/admin/session";
import { IMPORT_ENTITIES, LIMITS, columnSpec, type FieldColumn, type ImportEntity } from "@/lib/import/columns";
import { LifecycleStageSchema } from "@/lib/schemas/commitment";

export const metadata: Metadata = { title: "Import CSV" };

const KIND_TEXT: Record<FieldColumn["kind"], string> = {
  text: "Text",
  number: "Plain number (empty = none)",
  boolean: "true, false, yes or no (empty = false)",
  enum: "One of",
  list: "List separated by ;",
};

const REF_TEXT: Record<RefKind, string> = {
  actor: "an actor's slug",
  country: "an actor's two-letter ISO code, e.g. GB",
  commitment: "a commitment's slug",
};

/** What a cell holds, in words: from the form field's kind where it says more than the schema. */
function Values({ f, form }: { f: FieldColumn; form: FormField | undefined }) {
  const text =
    form?.kind === "date"
      ? "Date YYYY-MM-DD"
      : form?.kind === "ref"
        ? `Text: ${REF_TEXT[form.ref]} (must exist)`
        : form?.kind === "refs"
          ? `List separated by ;, each ${REF_TEXT[form.ref]} (must exist)`
          : f.kind === "list" && f.options
            ? "List separated by ;, each one of"
            : KIND_TEXT[f.kind];
  return (
    <>
      {text}
      {f.options ? <span className="block break-words font-mono text-xs">{f.options.join(" · ")}</span> : null}
    </>
  );
}

/** The columns of one entity, generated from its zod schema and its form labels. */
function Columns({ entity }: { entity: ImportEntity }) {
  const spec = columnSpec(entity);
  const formField = (name: string) => ENTITIES[entity].fields.find((f) => f.name === name);
  const groups = spec.groups.map((g) => g.field);
  return (
    <details className="rounded border border-rule p-3">
      <summary className="cursor-pointer font-medium">
        {ENTITIES[entity].plural}: {spec.fields.length} columns{groups.includes("stages") ? ", numbered stage columns" : ""} and numbered citation columns
      </summary>
      <p className="mt-2 text-sm">
        <a href={`/admin/import/template?entity=${entity}`} className="text-accent underline" download>
          Download the {ENTITIES[entity].plural.toLowerCase()} template
        </a>{" "}
        (every column and one published record as an example: change its slug, or it is reported as a duplicate).
      </p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Columns of a {ENTITIES[entity].label.toLowerCase()} import file</caption>
          <thead className="border-b border-rule text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3">
                Column
              </th>
              <th scope="col" className="py-1 pr-3">
                Form field
              </th>
              <th scope="col" className="py-1 pr-3">
                Required
              </th>
              <th scope="col" className="py-1">
                Values
              </th>
            </tr>
          </thead>
          <tbody>
            {spec.fields.map((f) => (
              <tr key={f.name} className="border-b border-rule align-top">
                <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                  {f.name}
                </th>
                <td className="py-1 pr-3">{formField(f.name)?.label ?? f.name}</td>
                <td className="py-1 pr-3">{f.required ? "Yes" : "No"}</td>
                <td className="max-w-md py-1">
                  <Values f={f} form={formField(f.name)} />
                </td>
              </tr>
            ))}
            {groups.includes("stages") ? (
              <tr className="border-b border-rule align-top">
                <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                  stage_N, stage_N_date, stage_N_precision, stage_N_note, stage_N_sources
                </th>
                <td className="py-1 pr-3">Lifecycle stage N (1–{LIMITS.stages})</td>
                <td className="py-1 pr-3">No</td>
                <td className="py-1">
                  Stage, date YYYY-MM-DD, precision (DAY, MONTH, YEAR; empty = DAY), note, and source addresses separated by ;. Stages are one of
                  <span className="block break-words font-mono text-xs">{LifecycleStageSchema.options.join(" · ")}</span>
                </td>
              </tr>
            ) : null}
            <tr className="align-top">
              <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                citation_N_url, citation_N_quote, citation_N_note
              </th>
              <td className="py-1 pr-3">Source N (1–{LIMITS.citations})</td>
              <td className="py-1 pr-3">No</td>
              <td className="py-1">The source&apos;s address, an optional short quote and note</td>
            </tr>
          </tbody>
        </table>
      </div>
    </details>
  );
}

export default async function ImportPage() {
  await requireActor("create");
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">Import from CSV</h1>
        <p className="max-w-prose text-sm">
          Add many new polls, events or commitments at once. Checking a file writes nothing: you get a report of every row. Confirming imports the valid rows as <strong>drafts</strong> in one
          transaction; they reach the public site only after a reviewer publishes each of them.
        </p>
      </div>
      <ImportForm entities={IMPORT_ENTITIES.map((k) => ({ key: k, plural: ENTITIES[k].plural }))} limits={{ bytes: LIMITS.bytes, rows: LIMITS.rows }} />
      <section className="space-y-3" aria-labelledby="format">
        <h2 id="format" className="text-lg font-semibold">
          File format
        </h2>
        <ul className="max-w-prose list-disc space-y-1 pl-5 text-sm">
          <li>CSV with commas between columns, in UTF-8 (“CSV UTF-8” in a spreadsheet); CRLF or LF line ends; cells with commas, quotes or line breaks in double quotes, quotes doubled.</li>
          <li>The first row names the columns, in any order; columns not listed below are refused. Empty cells take the form&apos;s default.</li>
          <li>New records only: a slug that a record or a draft already uses, or that an earlier row of the file uses, is reported as a duplicate and skipped.</li>
          <li>Actors, countries (ISO codes) and commitments must exist; sources that are not published yet are reported as warnings, since publishing will need them.</li>
          <li>
            At most {LIMITS.bytes / 1024 / 1024} MB and {LIMITS.rows.toLocaleString("en")} rows per file. Cells are imported as written: a cell starting with = is text, never a formula, and a leading
            apostrophe is kept.
          </li>
        </ul>
        <div className="space-y-2">
          {IMPORT_ENTITIES.map((k) => (
            <Columns key={k} entity={k} />
          ))}
        </div>
      </section>
    </div>
  );
}

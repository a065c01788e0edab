"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { toCsv } from "@/lib/csv";
import type { ImportReport, ImportStatus, ReportRow } from "@/lib/import/report";

// The dry-run report: counts, file-level errors, and a table of rows (invalid first) with every
// problem named by its CSV column. Long reports are shown a page at a time and can be downloaded.

const PAGE = 200;
type Filter = "all" | ImportStatus | "warnings";

const STATUS_LABEL: Record<ImportStatus, string> = { invalid: "Invalid", duplicate: "Duplicate", valid: "Valid" };
const STATUS_CLASS: Record<ImportStatus, string> = {
  invalid: "border-red-700/60 bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200",
  duplicate: "border-amber-600/60 bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  valid: "border-green-700/50 bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200",
};

function Status({ status }: { status: ImportStatus }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap [overflow-wrap:normal] ${STATUS_CLASS[status]}`}>{STATUS_LABEL[status]}</span>;
}

const matches = (f: Filter, r: ReportRow) => (f === "all" ? true : f === "warnings" ? r.issues.some((i) => i.level === "warning") : r.status === f);

function downloadCsv(report: ImportReport) {
  const rows = report.rows.flatMap((r) =>
    (r.issues.length ? r.issues : [null]).map((i) => ({ row: r.row, line: r.line, slug: r.slug, status: r.status, column: i?.field ?? "", level: i?.level ?? "", message: i?.message ?? "" })),
  );
  const blob = new Blob([toCsv(rows, ["row", "line", "slug", "status", "column", "level", "message"])], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `${report.fileName.replace(/\.csv$/i, "")}-report.csv`;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** Counts, file errors and the per-row table of one import check. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [shown, setShown] = useState(PAGE);
  const rows = useMemo(() => report.rows.filter((r) => matches(filter, r)), [report, filter]);
  const c = report.counts;

  if (report.fileErrors.length) {
    return (
      <Notice tone="error" title="The file cannot be imported; nothing was written.">
        <ul className="mt-1 list-disc pl-5">
          {report.fileErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      </Notice>
    );
  }

  const options: [Filter, string][] = [
    ["all", `All rows (${c.rows})`],
    ["invalid", `Invalid (${c.invalid})`],
    ["duplicate", `Duplicates (${c.duplicates})`],
    ["valid", `Valid (${c.valid})`],
    ["warnings", `With warnings (${c.warnings})`],
  ];

  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
        {[
          ["Rows", c.rows],
          ["Valid, new", c.valid],
          ["Invalid", c.invalid],
          ["Duplicates", c.duplicates],
          ["With warnings", c.warnings],
        ].map(([label, n]) => (
          <div key={label} className="rounded border border-rule px-2 py-1">
            <dt className="text-muted">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{n.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-muted">
        This import adds new records only: a row whose slug an existing record or draft already uses is a duplicate and is skipped (edit that record in its form instead). Warnings do not block the import; they say what
        publishing will need.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="import-filter" className="block text-sm font-medium">
            Show
          </label>
          <select
            id="import-filter"
            className={INPUT_CLASS}
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as Filter);
              setShown(PAGE);
            }}
          >
            {options.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <Button type="button" onClick={() => downloadCsv(report)}>
          Download report (CSV)
        </Button>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Rows of {report.fileName}: row number, slug, status, and each problem by column. Invalid rows first, then duplicates, then valid rows.
          </caption>
          <thead className="border-b border-rule text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Row
              </th>
              <th scope="col" className="py-2 pr-3">
                Slug
              </th>
              <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
                Status
              </th>
              <th scope="col" className="py-2">
                Problems by column
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.row} className="border-b border-rule align-top">
                <th scope="row" className="py-2 pr-3 font-medium tabular-nums">
                  {r.row}
                  {r.line !== r.row ? <span className="block text-xs font-normal text-muted">line {r.line}</span> : null}
                </th>
                <td className="w-28 max-w-[8rem] py-2 pr-3 [overflow-wrap:anywhere] sm:w-auto sm:max-w-[12rem]">
                  {r.slug || <span className="text-muted">(none)</span>}
                  {/* On a phone the status sits under the slug, leaving the width to the problems. */}
                  <span className="mt-1 block sm:hidden">
                    <Status status={r.status} />
                  </span>
                </td>
                <td className="hidden py-2 pr-3 sm:table-cell">
                  <Status status={r.status} />
                </td>
                <td className="py-2 [overflow-wrap:anywhere]">
                  {r.issues.length ? (
                    <ul className="space-y-1">
                      {r.issues.map((i, n) => (
                        <li key={n} className={i.level === "warning" ? "text-muted" : ""}>
                          {i.level === "warning" ? <span className="font-medium">Warning · </span> : null}
                          <code className="rounded bg-subtle px-1 text-xs">{i.field}</code> {i.message}
                          {i.href ? (
                            <>
                              {" "}
                              <Link href={i.href} className="text-accent underline" target="_blank">
                                Open the record<span className="sr-only"> (opens in a new tab)</span>
                              </Link>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="text-muted">None</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown ? (
        <Button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more of {(rows.length - shown).toLocaleString("en")}
        </Button>
      ) : null}
    </div>
  );
}

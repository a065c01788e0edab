"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { ImportReportView } from "@/components/admin/import-report";
import { Button } from "@/components/ui/button";
import { Field, INPUT_CLASS, describedBy } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { ImportEntity } from "@/lib/import/columns";
import { countCsvRows } from "@/lib/import/count";
import type { ImportReport } from "@/lib/import/report";

// Upload → dry-run report → confirm. Both steps post the same file with XMLHttpRequest, which
// (unlike fetch) reports upload progress; the confirm carries the report's SHA-256 and digest so
// the server refuses a different file or a changed database.

type Created = { row: number; slug: string; id: string };
type Phase =
  | { step: "idle" }
  | { step: "uploading"; what: "check" | "commit"; percent: number }
  | { step: "working"; what: "check" | "commit"; rows: number | null }
  | { step: "done"; created: Created[] };

type Answer = { status: number; body: { report?: ImportReport; created?: Created[]; error?: { message: string } } | null };

function post(url: string, form: FormData, onProgress: (percent: number) => void, onSent: () => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.upload.onload = onSent;
    xhr.onload = () => {
      let body: Answer["body"] = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // A proxy's HTML error page: the status still says what happened.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

/** The import form: entity, file, check, report, confirm. */
export function ImportForm({ entities, limits }: { entities: { key: ImportEntity; plural: string }[]; limits: { bytes: number; rows: number } }) {
  const maxMb = limits.bytes / 1024 / 1024;
  const [entity, setEntity] = useState<ImportEntity>(entities[0].key);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string[] | undefined>();
  const [report, setReport] = useState<ImportReport | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [message, setMessage] = useState<{ tone: "error" | "warning"; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = phase.step === "uploading" || phase.step === "working";

  function reset() {
    setReport(null);
    setMessage(null);
    setPhase({ step: "idle" });
  }

  async function send(what: "check" | "commit") {
    if (!file) {
      setFileError(["Choose a CSV file."]);
      fileInput.current?.focus();
      return;
    }
    if (file.size > limits.bytes) {
      setFileError([`The file is larger than ${maxMb} MB: split it into smaller files.`]);
      return;
    }
    setFileError(undefined);
    setMessage(null);
    const form = new FormData();
    form.set("entity", entity);
    form.set("file", file);
    if (what === "commit" && report) {
      form.set("sha256", report.sha256);
      form.set("digest", report.digest);
    }
    const rows = what === "check" ? countCsvRows(await file.text()) : (report?.counts.valid ?? null);
    setPhase({ step: "uploading", what, percent: 0 });
    try {
      const { status, body } = await post(
        `/admin/import/${what}`,
        form,
        (percent) => setPhase({ step: "uploading", what, percent }),
        () => setPhase({ step: "working", what, rows }),
      );
      if (body?.report) setReport(body.report);
      if (status >= 200 && status < 300 && what === "commit") {
        setPhase({ step: "done", created: body?.created ?? [] });
        return;
      }
      setPhase({ step: "idle" });
      if (status >= 400) {
        const text = body?.error?.message ?? `The server answered ${status}; nothing was imported.`;
        setMessage({ tone: status === 409 ? "warning" : "error", text: status === 401 ? `${text} Your session may have ended: sign in again in another tab.` : text });
      }
    } catch {
      setPhase({ step: "idle" });
      setMessage({ tone: "error", text: "The server could not be reached; nothing was imported. Check your connection and try again." });
    }
  }

  const plural = entities.find((e) => e.key === entity)!.plural.toLowerCase();
  const importable = report && report.fileErrors.length === 0 ? report.counts.valid : 0;

  return (
    <div className="space-y-5">
      <form
        className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-start"
        onSubmit={(e) => {
          e.preventDefault();
          void send("check");
        }}
        noValidate
      >
        <Field id="import-entity" label="Records">
          <select
            id="import-entity"
            className={INPUT_CLASS}
            value={entity}
            disabled={busy}
            onChange={(e) => {
              setEntity(e.target.value as ImportEntity);
              reset();
            }}
            {...describedBy("import-entity", undefined, undefined)}
          >
            {entities.map((e) => (
              <option key={e.key} value={e.key}>
                {e.plural}
              </option>
            ))}
          </select>
        </Field>
        <Field id="import-file" label="CSV file" hint={`UTF-8, at most ${maxMb} MB and ${limits.rows.toLocaleString("en")} rows.`} errors={fileError} required>
          <input
            ref={fileInput}
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            className={`${INPUT_CLASS} file:mr-3 file:rounded file:border-0 file:bg-subtle file:px-2 file:py-1 file:text-sm`}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(undefined);
              reset();
            }}
            {...describedBy("import-file", "hint", fileError)}
          />
        </Field>
        <div className="sm:pt-6">
          <Button type="submit" variant="primary" disabled={busy}>
            Check file
          </Button>
        </div>
      </form>

      <div aria-live="polite" className="space-y-2">
        {phase.step === "uploading" ? (
          <div className="space-y-1 text-sm">
            <label htmlFor="import-progress">Uploading {file?.name}: {phase.percent}%</label>
            <progress id="import-progress" max={100} value={phase.percent} className="block h-2 w-full max-w-md" />
          </div>
        ) : null}
        {phase.step === "working" ? (
          <p className="text-sm">
            {phase.what === "check"
              ? `Checking ${phase.rows === null ? "the" : phase.rows.toLocaleString("en")} row${phase.rows === 1 ? "" : "s"}…`
              : `Importing ${phase.rows?.toLocaleString("en") ?? ""} rows as drafts…`}
          </p>
        ) : null}
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        {phase.step === "done" ? <ImportDone entity={entity} plural={plural} created={phase.created} fileName={report?.fileName ?? ""} /> : null}
      </div>

      {report && phase.step !== "done" ? (
        <section aria-labelledby="import-report-title" className="space-y-4">
          <h2 id="import-report-title" className="text-lg font-semibold">
            Report for {report.fileName}
          </h2>
          <ImportReportView report={report} />
          {report.fileErrors.length === 0 ? (
            <div className="space-y-2 rounded border border-rule p-3">
              <p className="text-sm">
                {importable > 0
                  ? `Confirming writes ${importable.toLocaleString("en")} new ${plural} as drafts, in one transaction, with the file name in their history. Invalid rows and duplicates are skipped. Nothing goes public until a reviewer publishes the drafts, one by one or together on the admin overview.`
                  : "No row can be imported: fix the rows above and check the file again."}
              </p>
              <Button type="button" variant="primary" disabled={busy || importable === 0} onClick={() => void send("commit")}>
                {importable > 0 ? `Import ${importable.toLocaleString("en")} valid row${importable === 1 ? "" : "s"} as drafts` : "Nothing to import"}
              </Button>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

const SHOW_CREATED = 50;

function ImportDone({ entity, plural, created, fileName }: { entity: ImportEntity; plural: string; created: Created[]; fileName: string }) {
  return (
    <Notice tone="success" title={`Imported ${created.length.toLocaleString("en")} ${plural} from ${fileName} as drafts.`}>
      <p className="mt-1">
        Each draft has an import revision naming the file. Submit each for review from its page; see{" "}
        <Link href={`/admin/${entity}?status=draft`} className="text-accent underline">
          {plural} with a draft
        </Link>{" "}
        and the{" "}
        <Link href="/admin" className="text-accent underline">
          review queue
        </Link>
        .
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1">
        {created.slice(0, SHOW_CREATED).map((c) => (
          <li key={c.id}>
            <Link href={`/admin/${entity}/${c.id}`} className="text-accent underline">
              {c.slug}
            </Link>
          </li>
        ))}
        {created.length > SHOW_CREATED ? <li>and {(created.length - SHOW_CREATED).toLocaleString("en")} more</li> : null}
      </ul>
    </Notice>
  );
}

import type { Metadata } from "next";
import { StageBadge } from "@/components/data/stage-badge";
import { getOverview } from "@/lib/db/overview";
import { formatDate } from "@/lib/format";
import type { CommitmentKind, LifecycleStage } from "@/lib/generated/prisma/enums";
import { KIND_LABEL, STAGE_ORDER } from "@/lib/lifecycle";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "Security Guarantees Tracker" } };

const KIND_ORDER = Object.keys(KIND_LABEL) as CommitmentKind[];

export default async function OverviewPage() {
  const asOf = new Date();
  const o = await getOverview(asOf);
  const kinds = KIND_ORDER.filter((k) => o.cells.some((c) => c.kind === k));
  const stages = STAGE_ORDER.filter((s) => o.cells.some((c) => c.stage === s));
  const cell = (k: CommitmentKind, s: LifecycleStage) => o.cells.find((c) => c.kind === k && c.stage === s);
  const unverified = (o.claimsByVerification.UNVERIFIED ?? 0) + (o.claimsByVerification.DISPUTED ?? 0);

  return (
    <div className="space-y-10">
      <section aria-labelledby="intro">
        <h1 id="intro" className="text-2xl font-semibold tracking-tight sm:text-3xl">
          Who has promised what to guarantee Ukraine&rsquo;s security
        </h1>
        <p className="mt-2 max-w-3xl text-muted">
          The Coalition of the Willing&rsquo;s troop and hub pledges, protected weapons facilities, the binding
          &ldquo;if attacked again&rdquo; commitments, refusals, and the conditions attached to each, from public
          sources.
        </p>
        <p className="mt-2 text-sm text-muted" data-testid="data-as-of">
          Data as of{" "}
          <time dateTime={o.dataAsOf?.toISOString()}>{o.dataAsOf ? formatDate(o.dataAsOf) : "unknown"}</time>
          {" · "}state of the world on <time dateTime={asOf.toISOString()}>{formatDate(asOf)}</time>
        </p>
      </section>

      <section aria-labelledby="headline">
        <h2 id="headline" className="sr-only">
          Headline figures
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <Figure label="Actors with a recorded commitment or refusal" value={o.totals.actorsWithCommitments} />
          <Figure label="Commitments and refusals" value={o.totals.commitments} />
          <Figure label="Dated events" value={o.totals.events} />
          <Figure label="Poll results" value={o.totals.polls} />
          <Figure label="Claims we could not confirm" value={unverified} />
        </dl>
      </section>

      <section aria-labelledby="matrix">
        <h2 id="matrix" className="text-lg font-semibold">
          Commitments by kind and stage
        </h2>
        <p className="text-sm text-muted">
          Each actor is counted at the stage its commitment had reached on {formatDate(asOf)}.
          {!o.cells.some((c) => c.stage === "PARLIAMENT_APPROVED" || c.stage === "DEPLOYED") &&
            " No commitment recorded here has been approved by a parliament or deployed."}
        </p>
        {kinds.length === 0 ? (
          <p className="mt-4">No published commitments yet.</p>
        ) : (
          <>
          <ul className="mt-3 space-y-3 sm:hidden" aria-label="Commitments by kind">
            {kinds.map((k) => (
              <li key={k} className="rounded border border-rule p-3">
                <p className="font-medium">{KIND_LABEL[k]}</p>
                <ul className="mt-1 space-y-1 text-sm">
                  {stages
                    .map((s) => cell(k, s))
                    .filter((c): c is NonNullable<typeof c> => c !== undefined)
                    .map((c) => (
                      <li key={c.stage}>
                        <StageBadge stage={c.stage} /> <span className="font-semibold">{c.actors.length}</span>{" "}
                        <span className="text-muted">{c.actors.map((a) => a.name).join(", ")}</span>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
          <div className="mt-3 hidden overflow-x-auto sm:block">
            <table className="w-full min-w-[40rem] border-collapse text-sm">
              <caption className="sr-only">Number of actors by commitment kind and lifecycle stage</caption>
              <thead>
                <tr className="border-b border-rule text-left align-bottom">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Kind
                  </th>
                  {stages.map((s) => (
                    <th key={s} scope="col" className="px-2 py-2 font-medium">
                      <StageBadge stage={s} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {kinds.map((k) => (
                  <tr key={k} className="border-b border-rule align-top">
                    <th scope="row" className="py-2 pr-3 text-left font-medium">
                      {KIND_LABEL[k]}
                    </th>
                    {stages.map((s) => {
                      const c = cell(k, s);
                      return (
                        <td key={s} className="px-2 py-2">
                          {c ? (
                            <>
                              <span className="font-semibold">{c.actors.length}</span>{" "}
                              <span className="text-muted">{c.actors.map((a) => a.name).join(", ")}</span>
                            </>
                          ) : (
                            <span className="text-muted" aria-label="none">
                              –
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </>
        )}
      </section>

      <section aria-labelledby="latest">
        <h2 id="latest" className="text-lg font-semibold">
          Latest events
        </h2>
        <ol className="mt-3 space-y-3">
          {o.latestEvents.map((e) => (
            <li key={e.slug} className="border-l-2 border-rule pl-3">
              <time dateTime={e.date.toISOString().slice(0, 10)} className="text-sm text-muted">
                {formatDate(e.date, e.datePrecision)}
              </time>
              <p className="font-medium">{e.title}</p>
              <p className="text-sm text-muted">
                Sources:{" "}
                {e.sources.map((s, i) => (
                  <span key={s.url}>
                    {i > 0 && "; "}
                    <a href={s.url} className="text-accent underline" rel="noopener noreferrer nofollow">
                      {s.outlet}
                    </a>
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div className="rounded border border-rule p-3">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

// The embed's page: title, generated description, frozen/live status, the chart, its legend and
// notes, the source line with a link to the live view, and the data table behind a disclosure
// (so it takes no height until opened). Rendered to static HTML; no client JavaScript.
import type { ReactNode } from "react";
import type { EmbedModel } from "@/lib/embed/model";
import type { Lang } from "@/lib/i18n";
import { EMBED } from "@/lib/i18n/messages/embed";
import { Legend } from "./legend";

export type FrameStatus = { frozen: string | null; updatedSince: boolean; notice: string | null };

export function EmbedFrame({
  model,
  lang,
  chart,
  show,
  status,
  sourceLine,
  liveUrl,
}: {
  model: EmbedModel;
  lang: Lang;
  chart: ReactNode;
  show: { title: boolean; notes: boolean };
  status: FrameStatus;
  sourceLine: string;
  liveUrl: string;
}) {
  return (
    <div className="sgt">
      <h1 id="sgt-t" className={show.title ? undefined : "sgt-sr"}>
        {model.title}
      </h1>
      <p id="sgt-d" className={show.notes ? "sgt-d" : "sgt-sr"}>
        {model.description}
      </p>
      {(status.frozen || status.notice) && (
        <p className="sgt-st" data-testid="embed-status">
          {status.frozen}
          {status.updatedSince && (
            <>
              {" · "}
              <a href={liveUrl} className="sgt-up">
                {EMBED.updatedSince[lang]}
              </a>
            </>
          )}
          {status.notice}
        </p>
      )}
      {/* As wide as the frame: the chart picks its width class's layout from this box. */}
      <figure className="sgt-c" aria-labelledby="sgt-t" aria-describedby="sgt-d">
        {chart}
      </figure>
      <Legend items={model.legend} scope={model.scope} />
      {show.notes && model.notes.map((n) => <p key={n} className="sgt-n">{n}</p>)}
      <footer>
        {sourceLine}. <a href={liveUrl}>{EMBED.liveChart[lang]} ↗</a>
      </footer>
      <details>
        <summary>{EMBED.dataTable[lang]}</summary>
        <div className="sgt-dt">
          <table>
            <caption>{model.table.caption}</caption>
            <thead>
              <tr>
                {model.table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((v, j) => (j === 0 ? <th key={j} scope="row">{v}</th> : <td key={j}>{v}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

/** What an embed shows when it cannot show its chart: the reasons and a way to the live view. */
export function EmbedMessage({ lang, errors, liveUrl }: { lang: Lang; errors: string[]; liveUrl: string }) {
  return (
    <div className="sgt">
      <div className="sgt-msg" role="alert">
        <h1>{EMBED.cannotShow[lang]}</h1>
        <ul>
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
        <p>
          <a href={liveUrl}>{EMBED.openLive[lang]} ↗</a>
        </p>
      </div>
    </div>
  );
}

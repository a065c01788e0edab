import { ParamError } from "@/components/layout/param-error";
import { requestLang, requestUrl } from "@/lib/i18n/server";
import { queryRecord } from "@/lib/schemas/search-params";
import { loadPollsPage } from "@/lib/views/polls";

// /polls with parameters it cannot show: the page calls notFound() so the answer is a 4xx, and
// this explains which parameter is wrong (the same checks, from the request's URL).
export default async function PollsParamError() {
  const [lang, url] = await Promise.all([requestLang(), requestUrl()]);
  const r = url.pathname === "/polls" ? await loadPollsPage(queryRecord(url), lang) : null;
  const errors = r && !r.ok && r.errors.length ? r.errors : [lang === "uk" ? "Сторінку не знайдено." : "Page not found."];
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <ParamError lang={lang} errors={errors} resetHref={lang === "uk" ? "/polls?lang=uk" : "/polls"} />
    </div>
  );
}

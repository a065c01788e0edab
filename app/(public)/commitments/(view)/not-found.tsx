// A page past the last of /commitments (bad parameters are answered 400 by the page itself, see
// proxy.ts): the reason and a way back, with a 404 status rather than a silently different view.
import { ParamError } from "@/components/layout/param-error";
import { COMMITMENTS as T } from "@/lib/i18n/messages/commitments";
import { requestLang, requestUrl } from "@/lib/i18n/server";
import { parseView, queryRecord } from "@/lib/schemas/search-params";
import { CommitmentsParams } from "@/lib/schemas/views/commitments";

export default async function CommitmentsNotFound() {
  const [lang, url] = await Promise.all([requestLang(), requestUrl()]);
  const parsed = parseView(CommitmentsParams, queryRecord(url));
  const errors = parsed.ok ? [T.noSuchPageShort[lang]] : parsed.errors;
  return <ParamError lang={lang} errors={errors} resetHref={lang === "uk" ? "/commitments?lang=uk" : "/commitments"} />;
}

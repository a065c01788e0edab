import "server-only";
import { headers } from "next/headers";
import { LANG_HEADER, URL_HEADER, langFromParam, type Lang } from "./index";

/** The request's interface language (set by proxy.ts from ?lang=). */
export async function requestLang(): Promise<Lang> {
  return langFromParam((await headers()).get(LANG_HEADER));
}

/** The request's path and query as the visitor typed them (set by proxy.ts). */
export async function requestUrl(): Promise<URL> {
  return new URL((await headers()).get(URL_HEADER) ?? "/", "http://localhost");
}

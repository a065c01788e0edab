import { SourceKind } from "@/lib/generated/prisma/enums";
import { PageParam } from "../page";
import { BaseViewParams, listParam } from "../search-params";

const KINDS = Object.values(SourceKind) as [SourceKind, ...SourceKind[]];

/** /sources?kind=WIRE,MEDIA&page=2 */
export const SourcesParams = BaseViewParams.extend({ kind: listParam(KINDS, "source kind"), page: PageParam });

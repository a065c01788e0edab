import { SourceKind } from "@/lib/generated/prisma/enums";
import { BaseViewParams, listParam } from "../search-params";

const KINDS = Object.values(SourceKind) as [SourceKind, ...SourceKind[]];

/** /sources?kind=WIRE,MEDIA */
export const SourcesParams = BaseViewParams.extend({ kind: listParam(KINDS, "source kind") });

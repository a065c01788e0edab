import "server-only";
import { updateTag } from "next/cache";
import { PUBLISHED_TAG } from "@/lib/db/cache";
import { forgetRelease } from "@/lib/db/release";

/**
 * After a publish, retract or restore: this instance forgets the release it knew and expires the
 * cached public reads at once; other instances see the new release within RELEASE_CHECK_MS.
 */
export function refreshPublicData(): void {
  forgetRelease();
  updateTag(PUBLISHED_TAG);
}

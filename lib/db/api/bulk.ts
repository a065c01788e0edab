import "server-only";
import { loadPublishedDataset } from "../export";
import { currentRelease } from "../release";
import { publicOrigin } from "@/lib/export/about";
import { buildBundle, type Bundle } from "@/lib/export/bundle";

// The bulk downloads are regenerated when a new release is published: each process keeps the
// bundle of the latest release it has seen in memory (a few megabytes) and rebuilds it the first
// time a request sees a newer release. Concurrent requests share one build.

let cached: Bundle | null = null;
let building: Promise<Bundle> | null = null;

/** The bulk files of the current release (built at most once per release and process). */
export async function getBundle(): Promise<Bundle> {
  const release = await currentRelease();
  if (cached?.release === release.number) return cached;
  building ??= loadPublishedDataset()
    .then((data) => (cached = buildBundle(data, publicOrigin())))
    .finally(() => {
      building = null;
    });
  return building;
}

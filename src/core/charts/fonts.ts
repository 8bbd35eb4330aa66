import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family every chart draws with; registered explicitly so labels never fall back to boxes. */
export const CHART_FONT_FAMILY = "DejaVu Sans";

/**
 * The shipped copy comes first so every machine renders the same pixels; the system copy is
 * only a fallback for a checkout that lost the asset.
 */
export const FONT_CANDIDATES = [
  fileURLToPath(new URL("../../../assets/fonts/DejaVuSans.ttf", import.meta.url)),
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];

export function findFontFile(candidates: readonly string[] = FONT_CANDIDATES): string | undefined {
  return candidates.find((path) => existsSync(path));
}

let registered = false;

export function ensureChartFont(): void {
  if (registered) return;
  const path = findFontFile();
  if (!path || !GlobalFonts.registerFromPath(path, CHART_FONT_FAMILY)) {
    throw new Error(
      `no usable chart font (looked in ${FONT_CANDIDATES.join(", ")}); restore assets/fonts/DejaVuSans.ttf from the repository`,
    );
  }
  registered = true;
}

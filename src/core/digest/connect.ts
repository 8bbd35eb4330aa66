import type { Services } from "../commands/context.ts";
import type { Queryable } from "../db/types.ts";
import { ModelLoadError } from "../delay-model/artifact.ts";
import { getDelayModel } from "../delay-model/cache.ts";
import { delayHotspots } from "../delay-model/hotspots.ts";
import { topComplaintTheme } from "../rag/top-theme.ts";
import { type DigestSources, SourceUnavailableError } from "./sources.ts";

export interface SourceContext {
  db: Queryable;
  settings: { modelPath: string };
  /** Where the loaded delay model is cached between digests and commands. */
  services: Services;
}

/** The digest's borrowed sections, wired to the capabilities this bot has. */
export function digestSources(ctx: SourceContext): DigestSources {
  return {
    async hotspots(day, limit) {
      const report = await delayHotspots(loadModel(ctx), ctx.db, day, { limit });
      return {
        hotspots: report.hotspots.map((spot) => ({
          area: spot.area,
          hour: spot.hourOfDay,
          probability: spot.probability,
          expectedOrders: spot.ordersPerDay,
        })),
        notes: report.warnings,
      };
    },
    complaintTheme: (range) => topComplaintTheme(ctx.db, range),
  };
}

function loadModel(ctx: SourceContext) {
  try {
    return getDelayModel(ctx.services, ctx.settings.modelPath);
  } catch (error) {
    if (error instanceof ModelLoadError) throw new SourceUnavailableError(`${error.message} ${error.hint}`);
    throw error;
  }
}

import type { types } from "@slack/bolt";
import type { CommandContext } from "../../core/commands/context.ts";
import { listAreasForSelect } from "../../core/commands/delay-risk.ts";
import { ZONES } from "../../core/data/zones.ts";
import { formatCount } from "../../core/format/numbers.ts";
import { truncate } from "../blocks/escape.ts";
import type { CommandForm, FormValues } from "./forms.ts";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
/** Slack allows 100 options in a select; zones take a few, the busiest areas the rest. */
const MAX_AREA_OPTIONS = 100 - ZONES.length;
const ZONE_PREFIX = "zone:";

/**
 * The /delay-risk modal: exactly the four pre-dispatch inputs the model uses. Day and hour
 * start at "now" in the reporting time zone, the most common question being "this slot".
 */
export const delayRiskForm: CommandForm = {
  command: "delay-risk",
  title: "Delivery delay risk",
  async blocks(ctx) {
    const areas = await listAreasForSelect(ctx.db);
    const { weekday, hour } = localNow(ctx);
    return [
      areas.length > 0 ? areaSelect(areas) : areaTextInput(),
      selectInput(
        "day",
        "Day of week",
        DAYS.map((day) => option(day, day.slice(0, 3).toLowerCase())),
        weekday,
      ),
      selectInput(
        "hour",
        "Hour of dispatch",
        Array.from({ length: 24 }, (_, h) => option(hourLabel(h), String(h))),
        hour,
      ),
      {
        type: "input",
        block_id: "promised",
        label: { type: "plain_text", text: "Promised delivery time (minutes)" },
        element: {
          type: "number_input",
          action_id: "value",
          is_decimal_allowed: false,
          min_value: "1",
          max_value: "240",
          initial_value: "15",
        },
      },
    ];
  },
  toArgs(values) {
    const place = selectedValue(values, "area") || textValue(values, "area");
    const target = place.startsWith(ZONE_PREFIX)
      ? `zone=${place.slice(ZONE_PREFIX.length)}`
      : `area="${place.replace(/"/g, "'")}"`;
    const day = selectedValue(values, "day");
    const hour = selectedValue(values, "hour");
    const promised = textValue(values, "promised");
    return `${target} day=${day} hour=${hour} promised=${promised}`;
  },
};

function areaSelect(areas: ReadonlyArray<{ area: string; orders: number }>): types.InputBlock {
  return {
    type: "input",
    block_id: "area",
    label: { type: "plain_text", text: "Area or zone" },
    element: {
      type: "static_select",
      action_id: "value",
      placeholder: { type: "plain_text", text: "Busiest areas first" },
      option_groups: [
        {
          label: { type: "plain_text", text: "Zones" },
          options: ZONES.map((zone) => option(`${zone} zone`, `${ZONE_PREFIX}${zone}`)),
        },
        {
          label: { type: "plain_text", text: "Areas (delivered orders)" },
          options: areas
            .slice(0, MAX_AREA_OPTIONS)
            .map(({ area, orders }) =>
              option(`${truncate(area, 60)} (${formatCount(orders)})`, truncate(area, 150)),
            ),
        },
      ],
    },
  };
}

/** Without delivery data there is nothing to list; a typed name still gets an answer (or suggestions). */
function areaTextInput(): types.InputBlock {
  return {
    type: "input",
    block_id: "area",
    label: { type: "plain_text", text: "Area" },
    element: {
      type: "plain_text_input",
      action_id: "value",
      placeholder: { type: "plain_text", text: "e.g. HSR Layout" },
    },
  };
}

function selectInput(
  blockId: string,
  label: string,
  options: types.PlainTextOption[],
  initialIndex: number,
): types.InputBlock {
  const initial = options[initialIndex];
  return {
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    element: {
      type: "static_select",
      action_id: "value",
      options,
      ...(initial ? { initial_option: initial } : {}),
    },
  };
}

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: "plain_text", text }, value };
}

export function hourLabel(hour: number): string {
  const suffix = hour < 12 ? "am" : "pm";
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(hour).padStart(2, "0")}:00 (${twelve} ${suffix})`;
}

/** Monday-based weekday index and hour of "now" where the business runs. */
function localNow(ctx: CommandContext): { weekday: number; hour: number } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: ctx.settings.timeZone,
    weekday: "short",
    hour: "numeric",
    hourCycle: "h23",
  }).formatToParts(ctx.now());
  const weekdayName = parts.find((part) => part.type === "weekday")?.value ?? "Mon";
  const hour = Number(parts.find((part) => part.type === "hour")?.value ?? 0);
  return {
    weekday: Math.max(
      0,
      DAYS.findIndex((day) => day.startsWith(weekdayName)),
    ),
    hour,
  };
}

function textValue(values: FormValues, blockId: string): string {
  return (values[blockId]?.value?.value ?? "").trim();
}

function selectedValue(values: FormValues, blockId: string): string {
  return values[blockId]?.value?.selected_option?.value ?? "";
}

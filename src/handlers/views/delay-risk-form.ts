import type { types } from "@slack/bolt";
import type { CommandForm, FormValues } from "./forms.ts";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** The /delay-risk modal: the four inputs the model uses, nothing that leaks the outcome. */
export const delayRiskForm: CommandForm = {
  command: "delay-risk",
  title: "Delivery delay risk",
  async blocks() {
    return [
      {
        type: "input",
        block_id: "area",
        label: { type: "plain_text", text: "Area" },
        element: {
          type: "plain_text_input",
          action_id: "value",
          placeholder: { type: "plain_text", text: "e.g. HSR Layout, or zone=South" },
        },
      },
      selectInput(
        "day",
        "Day of week",
        DAYS.map((day) => option(day, day.slice(0, 3).toLowerCase())),
      ),
      selectInput(
        "hour",
        "Hour of dispatch",
        Array.from({ length: 24 }, (_, hour) => option(hourLabel(hour), String(hour))),
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
    const area = textValue(values, "area").replace(/"/g, "'");
    const day = selectedValue(values, "day");
    const hour = selectedValue(values, "hour");
    const promised = textValue(values, "promised");
    return `area="${area}" day=${day} hour=${hour} promised=${promised}`;
  },
};

function selectInput(blockId: string, label: string, options: types.PlainTextOption[]): types.InputBlock {
  return {
    type: "input",
    block_id: blockId,
    label: { type: "plain_text", text: label },
    element: { type: "static_select", action_id: "value", options },
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

function textValue(values: FormValues, blockId: string): string {
  return (values[blockId]?.value?.value ?? "").trim();
}

function selectedValue(values: FormValues, blockId: string): string {
  return values[blockId]?.value?.selected_option?.value ?? "";
}

import type { ViewStateValue } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { parseDelayRiskArgs } from "../../../src/core/commands/delay-risk.ts";
import { delayRiskForm } from "../../../src/handlers/views/delay-risk-form.ts";
import { ENGINES } from "../../harness/db.ts";
import { postInteraction, postSlashCommand, TEST_SIGNING_SECRET } from "../../harness/signed-request.ts";
import { seedTwoWeeks } from "../known-data.ts";
import { slackAppOnTestDb } from "../slack-test-app.ts";

interface ModalView {
  callback_id: string;
  private_metadata: string;
  blocks: Array<{ block_id: string; element: Record<string, unknown> }>;
}

const selected = (value: string): ViewStateValue => ({
  type: "static_select",
  selected_option: { text: { type: "plain_text", text: value }, value },
});

describe("the /delay-risk form", () => {
  it("turns submitted values into arguments the command parses", () => {
    const args = delayRiskForm.toArgs({
      area: { value: selected('HSR "Layout"') },
      day: { value: selected("sat") },
      hour: { value: selected("21") },
      promised: { value: { type: "number_input", value: "10" } },
    });
    expect(args).toBe("area=\"HSR 'Layout'\" day=sat hour=21 promised=10");
    const parsed = parseDelayRiskArgs(args);
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        kind: "predict",
        target: { kind: "area", area: "HSR 'Layout'" },
        hourOfDay: 21,
        promisedMinutes: 10,
      },
    });
  });

  it("passes a zone choice as zone=", () => {
    const args = delayRiskForm.toArgs({
      area: { value: selected("zone:South") },
      day: { value: selected("mon") },
      hour: { value: selected("9") },
      promised: { value: { type: "number_input", value: "15" } },
    });
    expect(args).toBe("zone=South day=mon hour=9 promised=15");
    expect(parseDelayRiskArgs(args)).toMatchObject({
      ok: true,
      value: { target: { kind: "zone", zone: "South" } },
    });
  });
});

describe.each(ENGINES)("/delay-risk modal through the signed HTTP receiver on %s", (engine) => {
  const app = slackAppOnTestDb(engine, seedTwoWeeks);

  it("opens the modal for a bare /delay-risk and answers the submission where it was asked", async () => {
    const ack = await postSlashCommand(app.slack.url, TEST_SIGNING_SECRET, {
      command: "/delay-risk",
      response_url: app.slack.fake.responseUrl(),
      trigger_id: "trigger-42",
    });
    expect(ack.status).toBe(200);
    const open = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("views.open")[0]);
    expect(open.args.trigger_id).toBe("trigger-42");
    const view = open.args.view as ModalView;
    expect(view.blocks.map((block) => block.block_id)).toEqual(["area", "day", "hour", "promised"]);
    const groups = view.blocks[0]?.element.option_groups as Array<{
      options: Array<{ text: { text: string } }>;
    }>;
    expect(groups[0]?.options.map((o) => o.text.text)).toContain("South zone");
    expect(groups[1]?.options.map((o) => o.text.text)).toEqual(["HSR Layout (14)"]);

    await postInteraction(app.slack.url, TEST_SIGNING_SECRET, {
      type: "view_submission",
      team: { id: "T1", domain: "blinkit" },
      user: { id: "U1", name: "manager" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "1.3.trigger",
      view: {
        id: "V1",
        type: "modal",
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        team_id: "T1",
        hash: "h",
        state: {
          values: {
            area: { value: selected("HSR Layout") },
            day: { value: selected("sat") },
            hour: { value: selected("21") },
            promised: { value: { type: "number_input", value: "10" } },
          },
        },
      },
    });
    // No model is trained in this database: the answer says how to train one, to the asker only.
    const reply = await app.slack.fake.waitFor(() => app.slack.fake.callsTo("chat.postEphemeral")[0]);
    expect(reply.args).toMatchObject({ channel: "C1", user: "U1" });
    expect(JSON.stringify(reply.args.blocks)).toContain("blinkit model train");
    expect(JSON.stringify(reply.args.blocks)).toContain("/delay-risk area=");
  });
});

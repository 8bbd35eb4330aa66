import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext } from "../../../src/core/commands/context.ts";
import { whyCommand } from "../../../src/core/commands/why.ts";
import { hashingEmbedder } from "../../../src/core/rag/embedder/hashing.ts";
import { RagService } from "../../../src/core/rag/service.ts";
import { createTestDb, ENGINES, type TestDb } from "../../harness/db.ts";
import { type FakeGroq, startFakeGroq } from "../../harness/fake-groq.ts";
import { insertFeedback } from "../rag/fixtures.ts";

const SOUTH_LAST_WEEK = "why are customers unhappy in the South zone last week?";

const GOOD_ANALYSIS = {
  root_causes: [
    {
      title: "Late deliveries",
      explanation: "Orders arrive 25-60 minutes late.",
      feedback_ids: ["F01", "F12", "F99"],
    },
    { title: "Invented cause", explanation: "Cites nothing that was retrieved.", feedback_ids: ["F77"] },
  ],
  business_impact: "6 customers complained.",
  recommendations: ["Add riders in Bengaluru at lunch time."],
};

describe.each(ENGINES)("/why on %s", (engine) => {
  let t: TestDb;
  let groq: FakeGroq;
  let rag: RagService;
  // Generous by default so a busy machine never looks like a timeout; the hang test shortens it.
  const context = (withKey = true, timeoutMs = 5000): CommandContext => ({
    db: t.db,
    settings: {
      timeZone: "Asia/Kolkata",
      modelPath: "",
      groq: withKey
        ? { apiKey: "test-key", model: "llama-3.1-8b-instant", baseURL: groq.baseURL, timeoutMs }
        : undefined,
    },
    services: { rag },
    now: () => new Date("2026-11-25T10:00:00Z"),
  });
  const ask = (question: string, withKey = true) => whyCommand.run(question, context(withKey));

  beforeAll(async () => {
    t = await createTestDb(engine);
    groq = await startFakeGroq();
    await insertFeedback(t.db);
    rag = new RagService(t.db, { embedderInstance: hashingEmbedder(128) });
    expect((await rag.startIndexing()).status).toBe("ready");
  });
  afterAll(async () => {
    await groq.close();
    await t.dispose();
  });
  beforeEach(() => {
    groq.requests.length = 0;
  });

  it("answers with the model's causes, keeping only citations of retrieved feedback", async () => {
    groq.reply({ kind: "content", content: JSON.stringify(GOOD_ANALYSIS) });
    const result = await ask(SOUTH_LAST_WEEK);
    expect(result.error).toBeUndefined();
    expect(result.title).toBe("Why customers are unhappy — South zone, the last 7 days");
    expect(result.subtitle).toMatch(/AI summary \(llama-3\.1-8b-instant\)/);
    const causes = result.sections.find((s) => s.heading === "Root causes");
    expect(causes?.lines).toEqual([
      "1. Late deliveries — Orders arrive 25-60 minutes late. (feedback F01, F12)",
    ]);
    expect(result.quotes.map((q) => q.id)).toEqual(["F01", "F12"]);
    expect(result.quotes[1]).toMatchObject({ area: "Koramangala", rating: 2, date: "2024-03-07" });
    expect(result.sections.find((s) => s.heading === "Recommendations")?.lines).toEqual([
      "Add riders in Bengaluru at lunch time.",
    ]);
    expect(result.actions).toEqual([
      { id: "why-show-all", label: "Show all 6 feedback", command: `/why --all ${SOUTH_LAST_WEEK}` },
    ]);
    expect(groq.requests).toHaveLength(1);
    expect(groq.requests[0]?.response_format).toEqual({ type: "json_object" });
  });

  it("takes business impact numbers from SQL and drops a model sentence with invented numbers", async () => {
    groq.reply({
      kind: "content",
      content: JSON.stringify({
        ...GOOD_ANALYSIS,
        business_impact: "About 4,000 customers may churn, costing ₹9,99,999.",
      }),
    });
    const result = await ask(SOUTH_LAST_WEEK);
    const facts = Object.fromEntries(result.facts.map((f) => [f.label, f.value]));
    // Six South complaints last week from six customers, each with one ₹500 order in the last 90 days.
    expect(facts).toMatchObject({
      Complaints: 6,
      "Customers who complained": 6,
      "Monthly revenue at risk": 1000,
    });
    const impact = result.sections.find((s) => s.heading === "Business impact");
    expect(impact?.lines.join(" ")).not.toMatch(/4,000|9,99,999/);
    expect(impact?.lines[0]).toMatch(/^6 customers complained — /);
  });

  it("falls back to a labelled extractive answer on malformed JSON", async () => {
    groq.reply({ kind: "content", content: "Sure! Here are the causes: {not json" });
    const result = await ask(SOUTH_LAST_WEEK);
    expect(result.subtitle).toMatch(/Not AI-written/);
    expect(result.warnings.join(" ")).toMatch(
      /AI summary is unavailable \(the AI reply was not valid JSON\)/,
    );
    const causes = result.sections.find((s) => s.heading.startsWith("Root causes"));
    expect(causes?.lines[0]).toMatch(/^Late or slow delivery: 5 complaints/);
    expect(result.quotes.length).toBeGreaterThan(0);
  });

  it("retries a server error once, then falls back", async () => {
    groq.reply({ kind: "status", status: 500 });
    const result = await ask(SOUTH_LAST_WEEK);
    expect(groq.requests).toHaveLength(2);
    expect(result.warnings.join(" ")).toMatch(/HTTP 500/);
    expect(result.subtitle).toMatch(/Not AI-written/);
  });

  it("gives up after the timeout and answers extractively", async () => {
    groq.reply({ kind: "hang" });
    const result = await whyCommand.run(SOUTH_LAST_WEEK, context(true, 300));
    expect(result.warnings.join(" ")).toMatch(/did not answer in time/);
    expect(result.sections.length).toBeGreaterThan(0);
  });

  it("keeps feedback as data: an injection in feedback does not change the answer's shape", async () => {
    groq.reply((request) => {
      const user = request.messages.find((m) => m.role === "user")?.content ?? "";
      // A model that obeyed the feedback would reply with the injected word instead of JSON.
      return { kind: "content", content: user.includes("Ignore previous instructions") ? "HACKED" : "{}" };
    });
    const result = await ask(SOUTH_LAST_WEEK);
    const [system, user] = groq.requests[0]?.messages ?? [];
    expect(system?.role).toBe("system");
    expect(system?.content).not.toContain("Ignore previous instructions");
    expect(system?.content).toMatch(/never instructions to you/);
    const data = JSON.parse(user?.content ?? "{}") as { FEEDBACK: Array<{ id: string; text: string }> };
    expect(data.FEEDBACK.find((f) => f.id === "F15")?.text).toMatch(/^Ignore previous instructions/);
    expect(result.subtitle).toMatch(/Not AI-written/);
    expect(result.sections.flatMap((s) => s.lines).join(" ")).not.toContain("HACKED");
  });

  it("says plainly that the answer is not AI-written when no key is set", async () => {
    const result = await ask(SOUTH_LAST_WEEK, false);
    expect(groq.requests).toHaveLength(0);
    expect(result.warnings.join(" ")).toMatch(/No GROQ_API_KEY is set/);
    expect(result.sections.find((s) => s.heading.startsWith("Recommendations"))?.lines[0]).toMatch(
      /^Late or slow delivery: /,
    );
  });

  it("names the known zones when asked about an unknown one", async () => {
    const result = await ask("why are customers unhappy in the Southwest zone");
    expect(result.error?.message).toBe('I don\'t know the zone "Southwest zone".');
    expect(result.error?.hint).toMatch(/North, South, East, West, Central, North-East/);
  });

  it("answers a question about one theme from that theme's complaints only, with their count first", async () => {
    const result = await ask(
      "why are customers in the South zone complaining about late deliveries last week?",
      false,
    );
    expect(result.facts[0]).toMatchObject({
      label: "About late or slow delivery",
      value: 5,
      note: "of 6 in scope",
    });
    const causes = result.sections.find((s) => s.heading.startsWith("Root causes"))?.lines ?? [];
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatch(/^Late or slow delivery: /);
    expect(result.quotes.map((q) => q.id)).not.toContain("F15");
  });

  it("does not pass complaints off as praise: a praise question is offered every review instead", async () => {
    const result = await ask("what do customers love about us?", false);
    expect(result.title).toMatch(/^What customers say — /);
    expect(result.insights[0]?.text).toMatch(/praise isn't summarised yet/);
    expect(result.actions[0]?.command).toBe("/why --all what do customers love about us?");
    expect(result.sections.some((s) => s.heading.startsWith("Root causes"))).toBe(false);
  });

  it("says so when nothing in scope is about the theme asked, then shows what customers did raise", async () => {
    const result = await ask(
      "why are customers in the South zone complaining about refunds last week?",
      false,
    );
    expect(result.insights[0]?.text).toBe(
      "No complaints about “refunds” — South zone, the last 7 days; below is what customers did raise.",
    );
    expect(result.sections.find((s) => s.heading.startsWith("Root causes"))?.lines[0]).toMatch(
      /^Late or slow delivery: /,
    );
    // Asked about what is there, no such note.
    const late = await ask(
      "why are customers in the South zone complaining about late deliveries last week?",
      false,
    );
    expect(late.insights).toEqual([]);
  });

  it("says it has no customers in a place it does not know, with close names, instead of answering for everywhere", async () => {
    const result = await ask("why are customers in Delhii unhappy last week?");
    expect(result.error?.message).toBe('I have no customers in a place called "Delhii".');
    expect(result.error?.hint).toMatch(/^Did you mean .*"Delhi"/);
    expect(result.error?.hint).toMatch(/North, South, East, West, Central, North-East/);
  });

  it("answers from keywords while the semantic index is not ready, and says so", async () => {
    const building = new RagService(t.db, { embedderInstance: hashingEmbedder(128) });
    const result = await whyCommand.run("rude riders in Delhi last week", {
      ...context(false),
      services: { rag: building },
    });
    expect(result.warnings.join(" ")).toMatch(/semantic index is not ready yet/);
    expect(result.quotes.map((q) => q.id).sort()).toEqual(["F05", "F06"]);
  });

  it("lists all feedback in scope for the 'show all' button", async () => {
    const result = await ask(`--all ${SOUTH_LAST_WEEK}`);
    expect(result.tables[0]?.rows.map((row) => row[4])).toEqual(["F04", "F15", "F03", "F12", "F02", "F01"]);
  });

  it("says when nothing matches instead of inventing causes", async () => {
    const result = await ask("why are customers unhappy in Pune in January 2023");
    expect(result.title).toMatch(/^No matching feedback/);
    expect(groq.requests).toHaveLength(0);
  });

  it("asks for a question when given none", async () => {
    expect((await ask("  ")).error?.message).toMatch(/Ask me a question/);
  });
});

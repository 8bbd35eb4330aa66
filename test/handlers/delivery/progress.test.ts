import { describe, expect, it } from "vitest";
import { withProgress } from "../../../src/handlers/delivery/progress.ts";

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("withProgress", () => {
  it("sends no note when the work finishes first", async () => {
    let notes = 0;
    const outcome = await withProgress(Promise.resolve(42), 1_000, async () => notes++);
    expect(outcome).toEqual({ result: 42, wasSlow: false });
    expect(notes).toBe(0);
  });

  it("sends one note for slow work and finishes sending it before returning", async () => {
    const events: string[] = [];
    const outcome = await withProgress(later("answer", 50), 0, async () => {
      await later(undefined, 80);
      events.push("note sent");
    });
    events.push("returned");
    expect(outcome).toEqual({ result: "answer", wasSlow: true });
    expect(events).toEqual(["note sent", "returned"]);
  });

  it("passes the work's failure on and survives a failing note", async () => {
    let notes = 0;
    await expect(withProgress(Promise.reject(new Error("boom")), 1_000, async () => notes++)).rejects.toThrow(
      "boom",
    );
    expect(notes).toBe(0);
    const outcome = await withProgress(later(1, 30), 0, () => Promise.reject(new Error("note failed")));
    expect(outcome.result).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { interpretDelayQuestion, isPlainDelayQuestion } from "../../../src/core/delay-model/question.ts";

describe("plain delay questions", () => {
  it.each([
    ["are deliveries in pune going to be late tonight?", true],
    ["will HSR Layout be late at 9pm on saturday", true],
    ["which areas are riskiest tomorrow?", true],
    ['area="HSR Layout" hour=21 day=sat promised=10', false],
    ["HSR Layout 9pm sat 10min", false],
    ["south zone 9 pm fri 15 min", false],
    ["hotspots tomorrow", false],
  ])("%s → sentence: %s", (text, plain) => {
    expect(isPlainDelayQuestion(text)).toBe(plain);
  });

  const read = (text: string) => interpretDelayQuestion(text, 14);

  it("reads place, a part of the day and leaves out what was not said", () => {
    expect(read("are deliveries in pune going to be late tonight?")).toEqual({
      place: { kind: "area", area: "pune" },
      hourOfDay: 21,
      hourFrom: "tonight",
      day: { kind: "relative", offsetDays: 0 },
      promisedMinutes: null,
    });
  });

  it("reads a clock time, a weekday and a promise, keeping the area's spelling", () => {
    expect(read("Will HSR Layout orders be late at 9:30 pm on Saturday with a 10 min promise?")).toEqual({
      place: { kind: "area", area: "HSR Layout" },
      hourOfDay: 21,
      hourFrom: "9:30 pm",
      day: { kind: "weekday", dayOfWeek: 6 },
      promisedMinutes: 10,
    });
    expect(read("is Andheri West risky on saturday night")).toMatchObject({
      place: { kind: "area", area: "Andheri West" },
      hourOfDay: 22,
      day: { kind: "weekday", dayOfWeek: 6 },
    });
  });

  it("reads zones, 'now' and questions about no place in particular", () => {
    expect(read("delay risk in the south zone right now")).toMatchObject({
      place: { kind: "zone", zone: "South" },
      hourOfDay: 14,
      hourFrom: "now",
    });
    expect(read("how late will the West be this evening")).toMatchObject({
      place: { kind: "zone", zone: "West" },
      hourOfDay: 19,
    });
    expect(read("which areas will be late tomorrow?")).toEqual({
      place: null,
      hourOfDay: null,
      hourFrom: null,
      day: { kind: "relative", offsetDays: 1 },
      promisedMinutes: null,
    });
  });
});

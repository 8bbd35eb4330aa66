import { describe, expect, it } from "vitest";
import {
  COMPLAINT_THEMES,
  complaintTheme,
  isThemeId,
  THEME_IDS,
} from "../../../src/core/complaints/taxonomy.ts";

describe("complaint taxonomy", () => {
  it("keeps the labelled review set's ids, in order, so stored themes never change meaning", () => {
    expect(THEME_IDS).toEqual([
      "late_delivery",
      "missing_items",
      "wrong_items",
      "damaged_or_spoiled",
      "poor_quality_or_expired",
      "refund_or_payment",
      "rude_or_unhelpful_staff",
      "customer_support_unreachable",
      "app_bugs_or_ux",
      "pricing_or_fees",
      "out_of_stock_or_cancellation",
      "other",
    ]);
  });

  it("gives every theme a distinct label, a definition and a recommendation", () => {
    expect(new Set(COMPLAINT_THEMES.map((t) => t.label)).size).toBe(THEME_IDS.length);
    for (const theme of COMPLAINT_THEMES) {
      expect(theme.definition.length).toBeGreaterThan(20);
      expect(theme.recommendation.length).toBeGreaterThan(20);
    }
  });

  it("recognises only its own ids", () => {
    expect(isThemeId("pricing_or_fees")).toBe(true);
    expect(isThemeId("price")).toBe(false);
    expect(complaintTheme("other").label).toBe("Other complaints");
  });
});

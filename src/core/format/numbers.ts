/**
 * Number formatting shared by every renderer. Indian digit grouping (lakh/crore):
 * 1234567 → 12,34,567.
 */
export function groupIndian(integerDigits: string): string {
  if (integerDigits.length <= 3) return integerDigits;
  const last3 = integerDigits.slice(-3);
  const rest = integerDigits.slice(0, -3);
  return `${rest.replace(/\B(?=(\d{2})+(?!\d))/g, ",")},${last3}`;
}

/** ₹1,23,456 — whole rupees by default; paise only when asked (small amounts). */
export function formatInr(value: number, decimals = 0): string {
  const sign = value < 0 ? "-" : "";
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = "0", fraction] = fixed.split(".");
  return `${sign}₹${groupIndian(whole)}${fraction ? `.${fraction}` : ""}`;
}

/** Compact form for chart axes: ₹12.3L, ₹1.2Cr. */
export function formatInrCompact(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? "-" : "";
  if (abs >= 1e7) return `${sign}₹${trimZeros((abs / 1e7).toFixed(2))}Cr`;
  if (abs >= 1e5) return `${sign}₹${trimZeros((abs / 1e5).toFixed(2))}L`;
  if (abs >= 1e3) return `${sign}₹${trimZeros((abs / 1e3).toFixed(1))}K`;
  return `${sign}₹${Math.round(abs)}`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

export function formatCount(value: number): string {
  return groupIndian(String(Math.round(Math.abs(value)))).replace(/^/, value < 0 ? "-" : "");
}

export function formatPercent(value: number, decimals = 1): string {
  return `${(value * 100).toFixed(decimals)}%`;
}

/** Relative change previous → current, or null when it isn't defined (previous 0 or missing). */
export function relativeChange(current: number | null, previous: number | null | undefined): number | null {
  if (current === null || previous === null || previous === undefined || previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

/** "▲ 12.3%" / "▼ 4.0%" / "— 0.0%"; null change → "n/a". */
export function formatChange(change: number | null): string {
  if (change === null) return "n/a";
  const arrow = change > 0.0005 ? "▲" : change < -0.0005 ? "▼" : "—";
  return `${arrow} ${Math.abs(change * 100).toFixed(1)}%`;
}

import type { ChartSpec } from "../commands/answer.ts";
import type { DailyKpi } from "./kpis.ts";

/** Past this many days a daily chart turns into a comb; weeks read better. */
export const WEEKLY_AFTER_DAYS = 92;

interface Bucket {
  label: string;
  revenue: number;
  spend: number;
  days: number;
}

/** The seed's dual-axis chart: revenue as a line (left axis), marketing spend as bars (right). */
export function revenueSpendChart(days: DailyKpi[], title: string): ChartSpec {
  const buckets = days.length > WEEKLY_AFTER_DAYS ? weekly(days) : days.map(daily);
  const weeklyNote =
    days.length > WEEKLY_AFTER_DAYS ? " (weekly totals; ≈ partial week scaled to 7 days)" : "";
  return {
    title: `${title}${weeklyNote}`,
    labels: buckets.map((b) => b.label),
    series: [
      { label: "Revenue", kind: "line", axis: "left", unit: "inr", values: buckets.map((b) => b.revenue) },
      {
        label: "Marketing spend",
        kind: "bar",
        axis: "right",
        unit: "inr",
        values: buckets.map((b) => b.spend),
      },
    ],
  };
}

function daily(day: DailyKpi): Bucket {
  return { label: day.day, revenue: day.revenue, spend: day.spend, days: 1 };
}

/**
 * Groups days into Monday-started weeks. A week the range cuts short (first or last) would
 * plot as a false drop, so it is scaled to a 7-day equivalent and its label is marked "≈".
 */
function weekly(days: DailyKpi[]): Bucket[] {
  const buckets = new Map<string, Bucket>();
  for (const day of days) {
    const key = mondayOf(day.day);
    const bucket = buckets.get(key) ?? { label: `w/c ${key}`, revenue: 0, spend: 0, days: 0 };
    bucket.revenue += day.revenue;
    bucket.spend += day.spend;
    bucket.days += 1;
    buckets.set(key, bucket);
  }
  return [...buckets.values()].map((bucket) =>
    bucket.days === 7
      ? bucket
      : {
          label: `≈${bucket.label}`,
          revenue: (bucket.revenue * 7) / bucket.days,
          spend: (bucket.spend * 7) / bucket.days,
          days: 7,
        },
  );
}

function mondayOf(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const offset = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - offset);
  return date.toISOString().slice(0, 10);
}

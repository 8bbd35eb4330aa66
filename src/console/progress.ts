/**
 * Progress for long work: a redrawn bar on a TTY, a few plain log lines otherwise (CI, pipes),
 * so logs stay quiet and parseable.
 */
export interface Progress {
  update(done: number, total?: number, label?: string): void;
  done(message?: string): void;
}

interface Style {
  /** Minimum time between two updates written. */
  intervalMs: number;
  line(
    title: string,
    done: number,
    total: number | undefined,
    label: string | undefined,
    elapsed: string,
  ): string;
  finish(title: string, message: string, elapsed: string): string;
}

const BAR_WIDTH = 28;

const ttyStyle = (columns: number): Style => ({
  intervalMs: 80,
  line(title, done, total, label, elapsed) {
    const fraction = total ? Math.min(1, done / total) : 0;
    const bar = total
      ? `[${"█".repeat(Math.round(fraction * BAR_WIDTH)).padEnd(BAR_WIDTH, "░")}] ${(fraction * 100).toFixed(0).padStart(3)}%`
      : "";
    const counts = total
      ? `${done.toLocaleString("en-IN")}/${total.toLocaleString("en-IN")}`
      : done.toLocaleString("en-IN");
    return `\r\x1b[2K${`${title}${label ? ` — ${label}` : ""} ${bar} ${counts} ${elapsed}`.slice(0, columns - 1)}`;
  },
  finish: (title, message, elapsed) => `\r\x1b[2K${title} ${message} (${elapsed})\n`,
});

const logStyle: Style = {
  intervalMs: 5_000,
  line: (title, done, total, label, elapsed) =>
    `${title}${label ? ` — ${label}` : ""}: ${total ? `${done}/${total}` : done} (${elapsed})\n`,
  finish: (title, message, elapsed) => `${title}: ${message} (${elapsed})\n`,
};

export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const style = stream.isTTY ? ttyStyle(stream.columns ?? 100) : logStyle;
  const started = Date.now();
  let last = 0;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  return {
    update(done, total, label) {
      const now = Date.now();
      const finished = total !== undefined && done >= total;
      if (now - last < style.intervalMs && !(finished && stream.isTTY)) return;
      last = now;
      stream.write(style.line(title, done, total, label, elapsed()));
    },
    done(message = "done") {
      stream.write(style.finish(title, message, elapsed()));
    },
  };
}

/**
 * Progress for long work: a redrawn bar on a TTY, a few plain log lines otherwise (CI, pipes),
 * so logs stay quiet and parseable.
 */
export interface Progress {
  update(done: number, total?: number, label?: string): void;
  done(message?: string): void;
}

export function createProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  return stream.isTTY ? new TtyProgress(title, stream) : new LogProgress(title, stream);
}

class TtyProgress implements Progress {
  private lastDraw = 0;
  private readonly started = Date.now();

  constructor(
    private readonly title: string,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  update(done: number, total?: number, label?: string): void {
    const now = Date.now();
    if (now - this.lastDraw < 80 && (total === undefined || done < total)) return;
    this.lastDraw = now;
    const width = 28;
    const fraction = total ? Math.min(1, done / total) : 0;
    const bar = total
      ? `[${"█".repeat(Math.round(fraction * width)).padEnd(width, "░")}] ${(fraction * 100).toFixed(0).padStart(3)}%`
      : "";
    const counts = total
      ? `${done.toLocaleString("en-IN")}/${total.toLocaleString("en-IN")}`
      : done.toLocaleString("en-IN");
    const line = `${this.title}${label ? ` ${label}` : ""} ${bar} ${counts} ${elapsed(this.started)}`;
    this.stream.write(`\r\x1b[2K${line.slice(0, (this.stream.columns ?? 100) - 1)}`);
  }

  done(message?: string): void {
    this.stream.write(`\r\x1b[2K${this.title} ${message ?? "done"} (${elapsed(this.started)})\n`);
  }
}

class LogProgress implements Progress {
  private lastLog = 0;
  private readonly started = Date.now();

  constructor(
    private readonly title: string,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  update(done: number, total?: number, label?: string): void {
    const now = Date.now();
    if (now - this.lastLog < 5_000) return;
    this.lastLog = now;
    const counts = total ? `${done}/${total}` : `${done}`;
    this.stream.write(`${this.title}${label ? ` ${label}` : ""}: ${counts} (${elapsed(this.started)})\n`);
  }

  done(message?: string): void {
    this.stream.write(`${this.title}: ${message ?? "done"} (${elapsed(this.started)})\n`);
  }
}

function elapsed(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

/**
 * One workbook action at a time. The task pane runs every action that reads or writes the workbook through one runner:
 * while one runs, the runner says so to its listener (the pane disables every action button) and refuses to start
 * another, so two actions never interleave their reads and writes.
 */
export class ActionRunner {
  private running = false;

  constructor(private readonly onChange: (busy: boolean) => void = () => undefined) {}

  get busy(): boolean {
    return this.running;
  }

  /** Runs `action` unless another is running; resolves false (without calling it) when one is. */
  async run(action: () => Promise<void>): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    this.onChange(true);
    try {
      await action();
      return true;
    } finally {
      this.running = false;
      this.onChange(false);
    }
  }
}

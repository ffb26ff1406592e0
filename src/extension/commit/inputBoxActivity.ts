import type { GitInputBox } from './git';

/**
 * Whether the user is typing in a commit box. The git API has no event for
 * its changes, so its value is sampled: a value that differs from the last
 * sample counts as typed just now, and so does a long gap between samples
 * (nobody watched, or the extension host was blocked and the user's
 * keystrokes may still be queued behind the timer that samples now). Our
 * own writes do not count.
 */
export class InputBoxActivity {
  private last: string;
  private changedAt: number;
  private sampledAt: number;

  constructor(
    private readonly box: GitInputBox,
    /** Samples further apart than this are a gap in what was seen. */
    private readonly maxGapMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.last = box.value;
    this.changedAt = this.sampledAt = now();
  }

  /** The box's value now. */
  sample(): string {
    const value = this.box.value;
    const now = this.now();
    if (value !== this.last || now - this.sampledAt > this.maxGapMs) this.changedAt = now;
    this.last = value;
    this.sampledAt = now;
    return value;
  }

  /** True when the value did not change for `ms`, as far as the samples tell. */
  quietFor(ms: number): boolean {
    this.sample();
    return this.now() - this.changedAt >= ms;
  }

  write(value: string): void {
    this.box.value = value;
    this.last = value;
  }
}

import type { GitInputBox } from './git';

/**
 * Whether the user is typing in a commit box. The git API has no event for
 * its changes, so its value is sampled: a value that differs from the last
 * sample counts as typed just now. Our own writes do not count.
 */
export class InputBoxActivity {
  private last: string;
  private changedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly box: GitInputBox,
    private readonly now: () => number = Date.now,
  ) {
    this.last = box.value;
  }

  /** The box's value now. */
  sample(): string {
    const value = this.box.value;
    if (value !== this.last) {
      this.last = value;
      this.changedAt = this.now();
    }
    return value;
  }

  /** True when the value did not change for `ms` (as far as the samples tell). */
  quietFor(ms: number): boolean {
    this.sample();
    return this.now() - this.changedAt >= ms;
  }

  write(value: string): void {
    this.box.value = value;
    this.last = value;
  }
}

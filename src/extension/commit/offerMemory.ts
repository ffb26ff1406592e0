import type * as vscode from 'vscode';

/** The answers to "Install git hooks?": the buttons, plus what the commands imply. */
export type OfferAnswer = 'install' | 'notNow' | 'never' | 'uninstalled';

export interface OfferRecord {
  readonly answer: OfferAnswer;
  /** When it was answered (ms since the epoch). */
  readonly at: number;
}

const STATE_KEY = 'aiProvenance.commit.hookOffers';
/** "Not now" (or a notification closed without an answer) asks again after this long. */
export const NOT_NOW_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * What each repository answered, by root, in the editor's global state: per
 * machine and across workspaces, as one repository may be opened from
 * several. Any answer but an old "not now" means: do not ask again.
 */
export class OfferMemory {
  constructor(private readonly state: vscode.Memento) {}

  recordOf(root: string): OfferRecord | undefined {
    return this.records()[root];
  }

  mayOffer(root: string, now = Date.now()): boolean {
    const record = this.recordOf(root);
    return !record || (record.answer === 'notNow' && now - record.at >= NOT_NOW_MS);
  }

  async remember(root: string, answer: OfferAnswer, now = Date.now()): Promise<void> {
    await this.state.update(STATE_KEY, { ...this.records(), [root]: { answer, at: now } });
  }

  private records(): Readonly<Record<string, OfferRecord>> {
    const stored = this.state.get<unknown>(STATE_KEY);
    return stored && typeof stored === 'object' ? (stored as Record<string, OfferRecord>) : {};
  }
}

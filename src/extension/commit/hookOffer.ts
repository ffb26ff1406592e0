// "Record AI provenance in commits?": the once-per-repository offer of the
// hooks (HookOffer) and the answers remembered across sessions (OfferMemory).
import * as vscode from 'vscode';
import type { Log } from '../log';
import { repositoryName } from '../repositories/repositoryContext';
import { commitSettings } from './commitSettings';
import type { HookActions } from './hooks';

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

export const ANSWER_OFFER_COMMAND = 'aiProvenance.commit.answerHookOffer';

const BUTTONS = { install: 'Install', notNow: 'Not Now', never: 'Never for This Repository' } as const;
type Button = keyof typeof BUTTONS;

/**
 * "Record AI provenance in commits?" for a repository whose hooks are not
 * installed: a notification (not a modal dialog, so it never interrupts),
 * at most once per repository, remembered in OfferMemory. Its buttons do
 * what ANSWER_OFFER_COMMAND does, which is also how tests answer it.
 */
export class HookOffer {
  private readonly shownRoots: string[] = [];

  constructor(
    private readonly memory: OfferMemory,
    private readonly actions: HookActions,
    private readonly log: Log,
  ) {}

  /** Repositories the offer was shown for in this session, in order. */
  get shown(): readonly string[] {
    return this.shownRoots;
  }

  /**
   * Shows the offer unless it was shown or answered before, or the setting
   * turns it off. Resolves once it is shown: the answer may never come.
   */
  async offer(root: string): Promise<void> {
    if (!commitSettings.offerHookInstall || !vscode.workspace.isTrusted) return;
    if (this.shownRoots.includes(root) || !this.memory.mayOffer(root)) return;
    this.shownRoots.push(root);
    // Remembered as "not now" right away: a notification closed unanswered, or a window closed meanwhile, asks again only later.
    await this.memory.remember(root, 'notNow');
    this.log.info(`Offering to install the commit hooks of ${root}`);
    const name = repositoryName(root);
    void vscode.window
      .showInformationMessage(
        `Record AI provenance in the commits of ${name}? AI Provenance installs git hooks that add AI-* trailers (which lines AI wrote, reviewed or not) and a git note to each commit. Your own hooks keep running.`,
        BUTTONS.install,
        BUTTONS.notNow,
        BUTTONS.never,
      )
      .then((choice) => {
        const answer = (Object.keys(BUTTONS) as Button[]).find((button) => BUTTONS[button] === choice);
        return answer ? this.answer(root, answer) : undefined;
      });
  }

  async answer(root: string, answer: Exclude<OfferAnswer, 'uninstalled'>): Promise<void> {
    this.log.info(`Commit hooks of ${root}: answered ${answer}`);
    if (answer === 'install') await this.actions.install(root);
    else await this.memory.remember(root, answer);
  }
}

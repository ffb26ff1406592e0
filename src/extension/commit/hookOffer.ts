import * as vscode from 'vscode';
import type { Log } from '../log';
import { commitSettings } from './commitSettings';
import type { HookActions } from './hookActions';
import type { OfferAnswer, OfferMemory } from './offerMemory';
import { repositoryName } from '../repositories/repositoryContext';

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

import * as vscode from 'vscode';
import { plural } from '../../core/text';
import { prepareSignOff, recordSignOff, SignOffError, SIGNOFFS_REF, type SignOff, type SignOffRequest } from '../../core/signoff';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { ReviewNode } from './reviewTree';
import type { ReviewService } from './reviewService';

/**
 * What to sign off, as the command's callers pass it: a Review view node
 * (group, file, hunk), `{ uri, lines: [start, end] }` from a hover or code
 * lens (1-based, as now in the editor), `{ uri }` for a whole file,
 * `{ root }` for the whole branch, or nothing (the active editor's
 * selection). `comment` skips the prompt; `sign: false` records unsigned.
 */
export interface SignOffArgument {
  readonly kind?: string;
  readonly uri?: vscode.Uri | string;
  readonly root?: string;
  readonly path?: string;
  readonly lines?: readonly [number, number];
  readonly start?: number;
  readonly end?: number;
  readonly files?: ReadonlyArray<{ readonly path: string }>;
  readonly comment?: string;
  readonly sign?: boolean;
}

interface Target {
  readonly repository: RepositoryContext;
  readonly request: Omit<SignOffRequest, 'base' | 'comment'>;
  /** For people: "src/payments/refund.ts L7-10", "the branch". */
  readonly label: string;
}

export class SignOffCommand {
  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly review: ReviewService,
    private readonly log: Log,
  ) {}

  /** Runs the whole interaction; resolves with the recorded sign-off, or undefined when nothing was recorded. */
  async run(argument: SignOffArgument | ReviewNode | undefined): Promise<SignOff | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window
        .showWarningMessage('AI Provenance: signing off runs git, which needs a trusted workspace.', 'Manage Workspace Trust')
        .then((choice) => {
          if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
        });
      return undefined;
    }
    const target = await this.target((argument ?? {}) as SignOffArgument);
    if (!target) return undefined;
    const review = this.review.reviewOf(target.repository);
    if (!review?.base) {
      void vscode.window.showWarningMessage(`AI Provenance: ${review?.problem ?? 'no base branch to review against'}`);
      return undefined;
    }
    const given = (argument as SignOffArgument | undefined)?.comment;
    const comment =
      given ??
      (await vscode.window.showInputBox({
        title: `Sign Off AI Code: ${target.label}`,
        prompt: `You sign off as the reviewer of this AI-written code (compared with ${review.base.ref}). Optional comment; Enter signs off, Escape cancels.`,
        placeHolder: 'e.g. checked the refund limits',
      }));
    if (comment === undefined) return undefined;
    const request: SignOffRequest = { ...target.request, base: review.base.ref, ...(comment.trim() ? { comment } : {}) };
    return this.record(target, request, (argument as SignOffArgument | undefined)?.sign);
  }

  private async record(target: Target, request: SignOffRequest, sign: boolean | undefined): Promise<SignOff | undefined> {
    const root = target.repository.root;
    try {
      const prepared = await prepareSignOff(root, request);
      let signOff: SignOff;
      try {
        signOff = await recordSignOff(root, prepared, sign === undefined ? {} : { sign });
      } catch (error) {
        if (!(error instanceof SignOffError) || sign !== undefined) throw error;
        const unsigned = 'Sign Off Unsigned';
        const choice = await vscode.window.showWarningMessage(
          `AI Provenance: ${error.message.replace(/ \(nothing was recorded.*\)$/, '')}.`,
          unsigned,
        );
        if (choice !== unsigned) return undefined;
        signOff = await recordSignOff(root, prepared, { sign: false });
      }
      await this.review.refresh(root);
      const { document } = signOff;
      const how = document.signature ? `signed (${document.signature.format})` : 'unsigned';
      const own =
        prepared.ownCommits.length > 0
          ? ` You made ${prepared.ownCommits.length} of these commits: a policy with signOff.notAuthor does not count your sign-off there.`
          : '';
      this.log.info(`Signed off ${prepared.aiLines} AI lines of ${target.label} as ${document.reviewer.email} (${how}), ${signOff.id}`);
      void vscode.window.showInformationMessage(
        `AI Provenance: signed off ${plural(prepared.aiLines, 'AI line')} in ${plural(prepared.files.length, 'file')} as ${document.reviewer.name}, ${how}. Share it: git push origin ${SIGNOFFS_REF}.${own}`,
      );
      return signOff;
    } catch (error) {
      const message = error instanceof SignOffError ? error.message : describeError(error);
      if (!(error instanceof SignOffError)) this.log.error(`Sign-off of ${target.label} failed: ${describeError(error)}`);
      void vscode.window.showErrorMessage(`AI Provenance: ${message}`);
      return undefined;
    }
  }

  private async target(argument: SignOffArgument): Promise<Target | undefined> {
    const uri = argument.uri ? (typeof argument.uri === 'string' ? vscode.Uri.parse(argument.uri) : argument.uri) : undefined;
    if (argument.kind === 'group' && argument.root && argument.files) {
      const repository = this.repositoryAt(argument.root);
      const files = argument.files.map((file) => file.path);
      return repository && { repository, request: { files }, label: plural(files.length, 'file') };
    }
    if (argument.root && !uri) {
      const repository = this.repositoryAt(argument.root);
      return repository && { repository, request: {}, label: 'all AI code of the branch' };
    }
    if (uri) {
      const repository = await this.registry.resolve(uri);
      const path = repository?.pathOf(uri);
      if (!repository || path === undefined) return undefined;
      const lines =
        argument.lines ?? (argument.kind === 'hunk' && argument.start && argument.end ? ([argument.start, argument.end] as const) : undefined);
      if (!lines) return { repository, request: { files: [path] }, label: path };
      return { repository, request: { lines: { path, ranges: [lines], ...contentsOf(uri) } }, label: `${path} L${lines[0]}-${lines[1]}` };
    }
    return this.fromEditor();
  }

  /** From the palette or the editor's context menu: the hunks under the selection, else ask. */
  private async fromEditor(): Promise<Target | undefined> {
    const editor = vscode.window.activeTextEditor;
    const fileReview = editor && this.review.fileReview(editor.document.uri);
    const repository = fileReview?.review.repository ?? this.registry.all().find((candidate) => this.review.reviewOf(candidate)?.state);
    if (!repository) {
      void vscode.window.showInformationMessage(
        'AI Provenance: no AI code of this branch to sign off (is the base branch fetched, and are the notes?).',
      );
      return undefined;
    }
    if (editor && fileReview?.file) {
      const selection = editor.selection;
      const first = selection.start.line + 1;
      const last = selection.end.line + 1;
      const hit = fileReview.file.hunks.filter((hunk) => hunk.start <= last && hunk.end >= first);
      if (hit.length > 0) {
        const start = Math.min(...hit.map((hunk) => hunk.start));
        const end = Math.max(...hit.map((hunk) => hunk.end));
        return {
          repository,
          request: { lines: { path: fileReview.path, ranges: [[start, end]], ...contentsOf(editor.document.uri) } },
          label: `${fileReview.path} L${start}-${end}`,
        };
      }
    }
    const items: Array<vscode.QuickPickItem & { target: Target }> = [];
    if (fileReview?.file)
      items.push({
        label: `All AI code in ${fileReview.path}`,
        target: { repository, request: { files: [fileReview.path] }, label: fileReview.path },
      });
    items.push({
      label: 'All AI code of the branch',
      description: this.review.reviewOf(repository)?.base?.ref,
      target: { repository, request: {}, label: 'all AI code of the branch' },
    });
    const picked = await vscode.window.showQuickPick(items, { title: 'Sign Off AI Code', placeHolder: 'What do you sign off?' });
    return picked?.target;
  }

  private repositoryAt(root: string): RepositoryContext | undefined {
    return this.registry.all().find((repository) => repository.root === root);
  }
}

/** The editor's text when it has unsaved changes: blame maps the selected lines through it. */
function contentsOf(uri: vscode.Uri): { contents?: string } {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  return document?.isDirty ? { contents: document.getText() } : {};
}

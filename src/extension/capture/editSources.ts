import * as vscode from 'vscode';
import type { Log } from '../log';

/** The API proposal whose `TextDocumentChangeEvent.detailedReason` names each edit's source (package.json, enabledApiProposals). */
export const EDIT_SOURCE_PROPOSAL = 'textDocumentChangeReason';

/**
 * Whether the running editor tells this extension where each edit comes
 * from. VS Code keeps an extension's `enabledApiProposals` only where
 * proposals are allowed (code-server, Insiders, extension development,
 * `--enable-proposed-api ai-provenance.ai-provenance`) and empties the list
 * elsewhere, which is what activation reads. Elsewhere capture infers
 * sources from the edits' shape, as it always did.
 */
class EditSources {
  private state: 'exact' | 'inferred' = 'inferred';
  private confirmed = false;

  detect(extension: vscode.Extension<unknown>, log: Log): void {
    const proposals = (extension.packageJSON as { enabledApiProposals?: unknown }).enabledApiProposals;
    this.state = Array.isArray(proposals) && proposals.includes(EDIT_SOURCE_PROPOSAL) ? 'exact' : 'inferred';
    log.info(this.describe());
  }

  /** A change event carried its source: the editor does report them. */
  seen(): void {
    this.confirmed = true;
    this.state = 'exact';
  }

  get exact(): boolean {
    return this.state === 'exact';
  }

  /** One line for the output channel and the status bar's tooltip. */
  describe(): string {
    return this.exact
      ? `Edit sources: exact where the editor reports them (${EDIT_SOURCE_PROPOSAL}${this.confirmed ? ', seen' : ''}): inline accepts, chat and inline chat applies with their extension and model.`
      : 'Edit sources: inferred from the shape of each edit (this editor does not report them; see docs/CAPTURE.md).';
  }
}

export const editSources = new EditSources();

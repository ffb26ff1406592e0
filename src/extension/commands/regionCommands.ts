import * as vscode from 'vscode';
import { reviewerName } from '../../core/git';
import { aiLineCount, type AiRegion, createRegion } from '../../core/regions';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { plural } from '../../core/text';

/**
 * Arguments passed by views, hovers and code lenses; from the palette the
 * commands work on the active editor's selection instead.
 */
export interface RegionReference {
  readonly uri: vscode.Uri | string;
  readonly regionId?: string;
}

interface Target {
  readonly repository: RepositoryContext;
  readonly path: string;
  readonly editor?: vscode.TextEditor;
  readonly uri: vscode.Uri;
}

export function registerRegionCommands(registry: RepositoryRegistry): vscode.Disposable[] {
  const register = (id: string, handler: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, handler);
  return [
    register('aiProvenance.markSelectionAsAi', () => markSelectionAsAi(registry)),
    register('aiProvenance.unmarkSelection', (reference?: RegionReference) => unmark(registry, reference)),
    register('aiProvenance.markReviewed', (reference?: RegionReference) => markReviewed(registry, reference)),
    register('aiProvenance.markFileReviewed', (uri?: vscode.Uri) => markFileReviewed(registry, uri)),
    register('aiProvenance.clearFile', (uri?: vscode.Uri) => clearFile(registry, uri)),
    register('aiProvenance.showFileRegions', (uri?: vscode.Uri) => showFileRegions(registry, uri)),
    register('aiProvenance.revealRegion', (reference: RegionReference) => revealRegion(registry, reference)),
  ];
}

async function targetOf(registry: RepositoryRegistry, uriLike?: vscode.Uri | string): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = uriLike ? (typeof uriLike === 'string' ? vscode.Uri.parse(uriLike) : uriLike) : editor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('AI Provenance: open a file first.');
    return undefined;
  }
  if (uri.scheme === 'untitled') {
    void vscode.window.showInformationMessage('AI Provenance tracks files on disk: save this file first, then mark its AI code.');
    return undefined;
  }
  const repository = await registry.resolve(uri);
  const path = repository?.pathOf(uri);
  if (!repository || path === undefined) {
    void vscode.window.showWarningMessage(
      `AI Provenance does not track ${uri.fsPath || uri.toString()}: it is outside the workspace folders and any git repository.`,
    );
    return undefined;
  }
  const matchingEditor = editor && editor.document.uri.toString() === uri.toString() ? editor : undefined;
  return { repository, path, uri, ...(matchingEditor ? { editor: matchingEditor } : {}) };
}

/** The selections as whole-line spans (a selection ending at column 0 stops at the line before). */
function selectedLineSpans(editor: vscode.TextEditor) {
  return editor.selections.map((selection) => {
    const lastLine = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
    return { start: { line: selection.start.line, character: 0 }, end: { line: lastLine + 1, character: 0 } };
  });
}

function regionAtCursor(target: Target): AiRegion | undefined {
  const cursor = target.editor?.selection.active;
  if (!cursor) return undefined;
  return target.repository.store.regions(target.path).find((region) => region.start.line <= cursor.line && cursor.line <= region.end.line);
}

async function markSelectionAsAi(registry: RepositoryRegistry): Promise<void> {
  const target = await targetOf(registry);
  if (!target?.editor) return;
  const { editor, repository, path } = target;
  let marked = 0;
  for (const selection of editor.selections) {
    // An empty selection means the cursor's line.
    const range = selection.isEmpty ? editor.document.lineAt(selection.active.line).range : selection;
    const region = createRegion({ source: 'manual' }, { line: range.start.line, character: range.start.character }, editor.document.getText(range));
    if (!region) continue;
    repository.store.add(path, region);
    marked += aiLineCount(region);
  }
  await repository.saveNow();
  vscode.window.setStatusBarMessage(`AI Provenance: ${plural(marked, 'line')} marked as AI-generated`, 3000);
}

async function unmark(registry: RepositoryRegistry, reference?: RegionReference): Promise<void> {
  const target = await targetOf(registry, reference?.uri);
  if (!target) return;
  const { repository, path } = target;
  let changed = false;
  if (reference?.regionId) {
    changed = repository.store.removeRegion(path, reference.regionId);
  } else if (target.editor) {
    for (const span of selectedLineSpans(target.editor)) changed = repository.store.unmark(path, span.start, span.end) || changed;
  }
  if (!changed) void vscode.window.showInformationMessage('AI Provenance: there is no AI code in the selection.');
  else await repository.saveNow();
}

async function markReviewed(registry: RepositoryRegistry, reference?: RegionReference): Promise<void> {
  const target = await targetOf(registry, reference?.uri);
  if (!target) return;
  const { repository, path } = target;
  const review = { by: await reviewerName(repository.root), at: Date.now() };
  let marked = 0;
  if (reference?.regionId) {
    marked = repository.store.markRegionReviewed(path, reference.regionId, review) ? 1 : 0;
  } else if (target.editor && !target.editor.selection.isEmpty) {
    for (const span of selectedLineSpans(target.editor)) marked += repository.store.markReviewed(path, review, span.start, span.end);
  } else {
    const region = regionAtCursor(target);
    if (region) marked = repository.store.markRegionReviewed(path, region.id, review) ? 1 : 0;
  }
  if (marked === 0) {
    void vscode.window.showInformationMessage('AI Provenance: no unreviewed AI code here. Select lines, or put the cursor in an AI region.');
    return;
  }
  await repository.saveNow();
  vscode.window.setStatusBarMessage(`AI Provenance: ${plural(marked, 'region')} marked reviewed by ${review.by}`, 3000);
}

async function markFileReviewed(registry: RepositoryRegistry, uri?: vscode.Uri): Promise<void> {
  const target = await targetOf(registry, uri);
  if (!target) return;
  const review = { by: await reviewerName(target.repository.root), at: Date.now() };
  const marked = target.repository.store.markReviewed(target.path, review);
  await target.repository.saveNow();
  vscode.window.setStatusBarMessage(`AI Provenance: ${plural(marked, 'region')} marked reviewed`, 3000);
}

async function clearFile(registry: RepositoryRegistry, uri?: vscode.Uri): Promise<void> {
  const target = await targetOf(registry, uri);
  if (!target) return;
  const count = target.repository.store.regions(target.path).length;
  if (count === 0) {
    void vscode.window.showInformationMessage(`AI Provenance: ${target.path} has no AI regions.`);
    return;
  }
  const answer = await vscode.window.showWarningMessage(
    `Forget the ${plural(count, 'AI region')} of ${target.path}? Its commits will no longer report them.`,
    { modal: true },
    'Forget',
  );
  if (answer !== 'Forget') return;
  target.repository.store.clearFile(target.path);
  await target.repository.saveNow();
}

async function showFileRegions(registry: RepositoryRegistry, uri?: vscode.Uri): Promise<void> {
  const target = await targetOf(registry, uri);
  if (!target) return;
  const regions = target.repository.store.regions(target.path);
  if (regions.length === 0) {
    void vscode.window.showInformationMessage(`AI Provenance: ${target.path} has no AI regions.`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    regions.map((region) => ({
      label: `Lines ${region.start.line + 1}–${region.end.line + 1}`,
      description: [region.source, region.tool, region.model].filter(Boolean).join(' · '),
      detail: `${aiLineCount(region)} AI lines${region.reviewed ? ` · reviewed by ${region.reviewed.by}` : ' · unreviewed'} · ${region.lines[0]?.text.trim().slice(0, 80) ?? ''}`,
      region,
    })),
    { title: `AI regions of ${target.path}`, placeHolder: 'Select a region to reveal it' },
  );
  if (picked) await revealRegion(registry, { uri: target.uri, regionId: picked.region.id });
}

export async function revealRegion(registry: RepositoryRegistry, reference: RegionReference): Promise<void> {
  const target = await targetOf(registry, reference.uri);
  if (!target) return;
  const region = target.repository.store.regions(target.path).find((candidate) => candidate.id === reference.regionId);
  const document = await vscode.workspace.openTextDocument(target.uri);
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  if (!region) return;
  const range = new vscode.Range(region.start.line, region.start.character, region.end.line, region.end.character);
  editor.selection = new vscode.Selection(range.start, range.start);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

import type { RegionOrigin } from '../regions/create';
import type { TextChange } from '../regions/positions';
import { comparePositions } from '../regions/region';
import type { CaptureDecision, ObservedChangeEvent } from './captureEvent';
import { judgeEditSource, type EditSourceVerdict } from './editSource';
import { contentLineCount, isBlockInsertion, isWordSubstitution, touchesCursor } from './editShape';
import { PendingCaptures } from './pendingCaptures';
import { applyTextChanges, lineRewrites } from './rewriteChanges';
import { normalizeLineEnds } from '../text/lines';

/** How long after one block edit by a tool further content edits count as the same burst. */
export const AGENT_BURST_MS = 2_000;

/** What the classifier needs to know about the files on disk. */
export interface KnownDiskText {
  /** The text the document had on disk before, when known (see KnownContents). */
  lastKnown(documentKey: string): string | undefined;
  /** The file's text on disk now (read synchronously: only asked on a clean document's first change). */
  current(documentKey: string): string | undefined;
}

/**
 * Decides, for each document change event, who made each change: the core
 * of capture inside the editor. Pure and synchronous (it sits on the typing
 * path): typing returns from the first checks; only rare events (reloads)
 * look at the whole text. See docs/CAPTURE.md for the rules and their limits.
 */
export class CaptureClassifier {
  readonly pending = new PendingCaptures();
  /** Last time a tool's block edit was seen, in any document (agents edit several files in one go). */
  private lastToolEdit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly disk: KnownDiskText = { lastKnown: () => undefined, current: () => undefined },
    /** Off: chat and agent edits are not guessed from their shape (a setting). */
    private readonly detectToolEdits: () => boolean = () => true,
  ) {}

  classify(event: ObservedChangeEvent): CaptureDecision[] {
    const { changes } = event;
    // Undo and redo put back text whose authorship the regions (and the removed pieces) describe.
    if (event.reason) return changes.map((change) => ({ change, attribution: 'neutral', putsBack: 'exact' }));
    const exact = event.editSource && judgeEditSource(event.editSource, event.at);
    if (exact) return this.byEditSource(event, exact);
    // The first keystroke after a save also leaves the document clean (the editor reports dirty just after): it reads no file.
    if (!event.dirtyAfter && !isKeystroke(event) && this.isReload(event)) return this.reload(event);
    if (this.pending.isEmpty && isTyping(changes)) return byWhoIsThere(event);

    const inline = this.pending.take(event.documentKey, 'inline', event.at);
    if (inline) {
      const origin: RegionOrigin = { source: inline.source, confidence: 1, createdAt: event.at, ...(inline.tool ? { tool: inline.tool } : {}) };
      return changes.map((change) => ({ change, attribution: 'neutral', ...(change.text.trim() ? { ai: origin } : {}) }));
    }
    const paste = this.pending.take(event.documentKey, 'paste', event.at);
    if (paste && changes.some((change) => sameText(change.text, paste.text))) return byWhoIsThere(event);

    const tool = this.detectToolEdits() ? this.toolEdit(event) : undefined;
    if (!tool) return byWhoIsThere(event);
    this.lastToolEdit = event.at;
    return changes.map((change) => ({ change, attribution: 'neutral', ...(change.text.trim() ? { ai: tool } : {}) }));
  }

  /**
   * The editor named the edit's source: inline accepts (however they were
   * triggered: Tab, a custom keybinding, a fork's own command), chat and
   * inline chat applies with their extension and model, undo of chat edits,
   * reloads, and the person's own edits are then known, not guessed.
   */
  private byEditSource(event: ObservedChangeEvent, verdict: EditSourceVerdict): CaptureDecision[] {
    const { changes } = event;
    switch (verdict.kind) {
      case 'undo':
        return changes.map((change) => ({ change, attribution: 'neutral', putsBack: 'exact' }));
      case 'reload':
        return this.reload(event);
      case 'person':
        return byWhoIsThere(event);
      case 'ai': {
        // The accept command this extension wraps left a note too: used up here, and its tool kept when the editor names none.
        const pending = verdict.origin.source.startsWith('inline') ? this.pending.take(event.documentKey, 'inline', event.at) : undefined;
        let origin = !verdict.origin.tool && pending?.tool ? { ...verdict.origin, tool: pending.tool } : verdict.origin;
        // Accept Next Word on the suggestion's last word is a whole accept to the editor; the person accepted it word by word.
        if (origin.source === 'inline' && pending?.source === 'inline-partial') origin = { ...origin, source: 'inline-partial' };
        if (origin.source === 'chat' || origin.source === 'agent') this.lastToolEdit = event.at;
        return changes.map((change) => ({ change, attribution: 'neutral', ...(change.text.trim() ? { ai: origin } : {}) }));
      }
    }
  }

  /**
   * Chat "apply", agent mode and other extensions' WorkspaceEdits: text that
   * arrives in blocks, away from the cursor, or in a document nobody is
   * typing in. See docs/CAPTURE.md ("Chat and agent edits").
   */
  private toolEdit(event: ObservedChangeEvent): RegionOrigin | undefined {
    const { changes } = event;
    // Anything on a cursor's line is the person's doing: typing, paste, snippet, IntelliSense, moved lines, a refactoring of the selection.
    if (event.visibility === 'active' && changes.some((change) => touchesCursor(change, event.selections))) return undefined;
    const hasBlock = changes.some(isBlockInsertion);
    const inBurst = event.at - this.lastToolEdit <= AGENT_BURST_MS && changes.some(continuesBurst);
    if (!hasBlock && !inBurst) return undefined;
    const source = event.visibility === 'active' ? 'chat' : 'agent';
    const confidence = event.visibility === 'hidden' ? 0.9 : event.visibility === 'visible' ? 0.8 : 0.7;
    return { source, confidence: hasBlock ? confidence : confidence - 0.1, createdAt: event.at };
  }

  /**
   * A change that leaves the document clean is either the first edit of a
   * clean document (the editor reports the dirty state just after it) or a
   * reload: then the document shows exactly what is on disk.
   */
  private isReload(event: ObservedChangeEvent): boolean {
    const onDisk = this.disk.current(event.documentKey);
    return onDisk !== undefined && onDisk === event.textAfter();
  }

  /**
   * The editor reloaded the document from disk. Who wrote the file (an
   * agent, or git) the disk watcher decides and records; here the change
   * only moves regions, expressed line by line when the previous disk text
   * is known, so that regions on unchanged lines stay in place.
   */
  private reload(event: ObservedChangeEvent): CaptureDecision[] {
    const before = this.disk.lastKnown(event.documentKey);
    // Lines whose content the reload changed are not the AI's any more (git checked out other lines, a
    // program rewrote them): they stop counting as AI. The disk watcher marks an agent's lines itself, and
    // AI text that comes back gets its marks back (putsBack).
    const reloaded = (changes: readonly TextChange[]) =>
      changes.map((change) => ({ change, attribution: 'human' as const, putsBack: 'reload' as const }));
    if (before === undefined) return reloaded(event.changes);
    const after = event.textAfter();
    if (applyTextChanges(before, event.changes) !== after) return reloaded(event.changes);
    return reloaded(lineRewrites(before, after).map(({ change }) => change));
  }
}

/**
 * Changes nobody claimed: at a cursor of the focused editor a person made
 * them; elsewhere (a formatter, a rename, replace-all, a refactoring's
 * other edits) a tool reshaped text, which keeps the authorship it had.
 */
function byWhoIsThere(event: ObservedChangeEvent): CaptureDecision[] {
  const active = event.visibility === 'active';
  const touched = event.changes.map((change) => active && touchesCursor(change, event.selections));
  // A person's edit that lands text away from the cursor too is a move (drag and drop, move lines).
  const byPerson = touched.some(Boolean);
  return event.changes.map((change, index) => ({
    change,
    attribution: touched[index] ? 'human' : 'neutral',
    ...(byPerson && !isTypedText(change.text) ? { putsBack: 'moved' as const } : {}),
  }));
}

/** What one keystroke inserts (a character, an auto-closed pair). */
function isTypedText(text: string): boolean {
  return text.length <= 2 && !text.includes('\n');
}

/**
 * A change that may be more of a tool's burst: one that writes content. A
 * rename applied in the same seconds (the person pressed F2 while an agent
 * was at work) only swaps words, and is no part of it.
 */
function continuesBurst(change: TextChange): boolean {
  return contentLineCount(change.text) > 0 && !isWordSubstitution(change);
}

/** Keystrokes: short single-line insertions (auto-closed pairs and multiple cursors included). */
function isTyping(changes: readonly TextChange[]): boolean {
  for (const change of changes) if (!isTypedText(change.text)) return false;
  return true;
}

/** One character typed, deleted or a line broken at the active editor's caret (where the caret was before the change). */
function isKeystroke(event: ObservedChangeEvent): boolean {
  const [change, ...others] = event.changes;
  if (!change || others.length > 0 || event.visibility !== 'active') return false;
  if (!isTypedText(change.text) && !/^\r?\n[ \t]*$/.test(change.text)) return false;
  return event.selections.some(
    (caret) =>
      comparePositions(caret.start, caret.end) === 0 &&
      (comparePositions(caret.end, change.start) === 0 || comparePositions(caret.end, change.end) === 0),
  );
}

function sameText(a: string, b: string): boolean {
  return normalizeLineEnds(a) === normalizeLineEnds(b);
}

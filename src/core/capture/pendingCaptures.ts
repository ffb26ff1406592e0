import type { RegionSource } from '../regions/region';

/**
 * Signals that explain the next change of a document before it arrives:
 * "our inline-accept command is running", "the editor is pasting this
 * text". Each is kept until it is used or it expires, so a signal whose
 * change never comes cannot capture a later, unrelated edit.
 */
export type PendingCapture =
  | { readonly kind: 'inline'; readonly source: RegionSource; readonly tool?: string; readonly until: number }
  | { readonly kind: 'paste'; readonly text: string; readonly until: number };

export class PendingCaptures {
  private readonly byDocument = new Map<string, PendingCapture[]>();

  /** True when no signal is pending anywhere: the classifier's fast path. */
  get isEmpty(): boolean {
    return this.byDocument.size === 0;
  }

  add(documentKey: string, capture: PendingCapture): void {
    const list = this.byDocument.get(documentKey);
    if (list) list.push(capture);
    else this.byDocument.set(documentKey, [capture]);
  }

  /** Removes `capture` (e.g. when its command finished without changing anything). */
  remove(documentKey: string, capture: PendingCapture): void {
    const list = this.byDocument.get(documentKey);
    if (!list) return;
    const index = list.indexOf(capture);
    if (index >= 0) list.splice(index, 1);
    if (list.length === 0) this.byDocument.delete(documentKey);
  }

  /** The first live signal of `kind` for the document, removed; expired ones are dropped on the way. */
  take<K extends PendingCapture['kind']>(documentKey: string, kind: K, now: number): Extract<PendingCapture, { kind: K }> | undefined {
    const list = this.byDocument.get(documentKey);
    if (!list) return undefined;
    let found: PendingCapture | undefined;
    for (let index = 0; index < list.length;) {
      const capture = list[index];
      if (capture.until < now) {
        list.splice(index, 1);
      } else if (!found && capture.kind === kind) {
        found = capture;
        list.splice(index, 1);
      } else {
        index++;
      }
    }
    if (list.length === 0) this.byDocument.delete(documentKey);
    return found as Extract<PendingCapture, { kind: K }> | undefined;
  }
}

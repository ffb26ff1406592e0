import * as assert from 'node:assert/strict';
import { CaptureClassifier } from '../../../src/core/capture/captureClassifier';
import type { ObservedChangeEvent } from '../../../src/core/capture/captureEvent';
import { judgeEditSource } from '../../../src/core/capture/editSource';
import type { TextChange } from '../../../src/core/regions/positions';

const at = (line: number, character: number) => ({ line, character });
const insert = (line: number, character: number, text: string): TextChange => ({ start: at(line, character), end: at(line, character), text });
const BLOCK = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';

function event(changes: TextChange[], options: Partial<ObservedChangeEvent> = {}): ObservedChangeEvent {
  return {
    documentKey: '/work/file.ts',
    changes,
    visibility: 'active',
    selections: [{ start: at(4, 0), end: at(4, 0) }],
    dirtyAfter: true,
    textAfter: () => '',
    at: 1_000,
    ...options,
  };
}

describe('edit sources (detailedReason)', () => {
  it('names inline accepts, partial accepts and chat applies with extension and model', () => {
    assert.deepEqual(judgeEditSource({ source: 'inlineCompletionAccept', metadata: { $extensionId: 'github.copilot', $nes: false } }, 7), {
      kind: 'ai',
      origin: { source: 'inline', confidence: 1, createdAt: 7, tool: 'github.copilot' },
    });
    assert.deepEqual(judgeEditSource({ source: 'inlineCompletionPartialAccept', metadata: { $providerId: 'ghost' } }, 7), {
      kind: 'ai',
      origin: { source: 'inline-partial', confidence: 1, createdAt: 7, tool: 'ghost' },
    });
    assert.deepEqual(
      judgeEditSource(
        { source: 'Chat.applyEdits', metadata: { $extensionId: 'github.copilot-chat', $modelId: 'copilot|gpt-4o', $mode: 'agent' } },
        7,
      ),
      {
        kind: 'ai',
        origin: { source: 'agent', model: 'copilot/gpt-4o', confidence: 1, createdAt: 7, tool: 'github.copilot-chat' },
      },
    );
    assert.deepEqual(judgeEditSource({ source: 'inlineChat.applyEdits', metadata: {} }, 7), {
      kind: 'ai',
      origin: { source: 'chat', confidence: 1, createdAt: 7 },
    });
  });

  it("takes the person's own edits, undo of chat edits and reloads as such, and leaves other sources to the heuristics", () => {
    for (const source of ['cursor', 'suggest', 'snippet', 'rename', 'codeAction'])
      assert.deepEqual(judgeEditSource({ source }, 7), { kind: 'person' }, source);
    assert.deepEqual(judgeEditSource({ source: 'Chat.undoEdits' }, 7), { kind: 'undo' });
    assert.deepEqual(judgeEditSource({ source: 'reloadFromDisk' }, 7), { kind: 'reload' });
    for (const source of ['applyEdits', 'unknown', 'setValue', 'somethingNew']) assert.equal(judgeEditSource({ source }, 7), undefined, source);
  });

  it('classifies an inline accept the editor names, without a wrapped accept command', () => {
    const classifier = new CaptureClassifier();
    const decisions = classifier.classify(
      event([insert(4, 0, BLOCK)], { editSource: { source: 'inlineCompletionAccept', metadata: { $extensionId: 'codeium.windsurf' } } }),
    );
    assert.deepEqual(
      decisions.map((decision) => decision.ai?.source),
      ['inline'],
    );
    assert.equal(decisions[0].ai?.tool, 'codeium.windsurf');
  });

  it('uses up the note of the wrapped accept command, keeping its tool when the editor names none', () => {
    const classifier = new CaptureClassifier();
    classifier.pending.add('/work/file.ts', { kind: 'inline', source: 'inline', tool: 'copilot', until: 5_000 });
    const [decision] = classifier.classify(event([insert(4, 0, BLOCK)], { editSource: { source: 'inlineCompletionAccept' } }));
    assert.equal(decision.ai?.tool, 'copilot');
    assert.ok(classifier.pending.isEmpty);
  });

  it('keeps a word-by-word accept partial when its last word reaches the editor as a whole accept', () => {
    const classifier = new CaptureClassifier();
    classifier.pending.add('/work/file.ts', { kind: 'inline', source: 'inline-partial', until: 5_000 });
    const [last] = classifier.classify(
      event([insert(4, 0, 'revoked;')], { editSource: { source: 'inlineCompletionAccept', metadata: { $extensionId: 'demo.completions' } } }),
    );
    assert.deepEqual([last.ai?.source, last.ai?.tool], ['inline-partial', 'demo.completions']);
    // Without the wrapped command's note, the editor's word is taken as it is.
    const [whole] = classifier.classify(event([insert(4, 0, 'revoked;')], { editSource: { source: 'inlineCompletionAccept' } }));
    assert.equal(whole.ai?.source, 'inline');
  });

  it("never marks a block the person pasted at the cursor, though its shape looks like a tool's", () => {
    const classifier = new CaptureClassifier();
    // Away from the cursor in a hidden document the heuristics would call this an agent's block.
    const [decision] = classifier.classify(
      event([insert(9, 0, BLOCK)], { visibility: 'hidden', selections: [], editSource: { source: 'cursor', metadata: { kind: 'paste' } } }),
    );
    assert.equal(decision.ai, undefined);
    const [guessed] = classifier.classify(event([insert(9, 0, BLOCK)], { visibility: 'hidden', selections: [], at: 9_000 }));
    assert.equal(guessed.ai?.source, 'agent', 'the same edit without a source is judged by its shape');
  });

  it('falls back to the heuristics for sources it does not know', () => {
    const classifier = new CaptureClassifier();
    const [decision] = classifier.classify(
      event([insert(9, 0, BLOCK)], { visibility: 'hidden', selections: [], editSource: { source: 'applyEdits' } }),
    );
    assert.equal(decision.ai?.source, 'agent');
  });
});

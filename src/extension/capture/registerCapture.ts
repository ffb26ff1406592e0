import * as vscode from 'vscode';
import { KnownContents } from '../../core/capture';
import { readTextFile } from '../../core/text';
import type { Log } from '../log';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { CaptureSettings } from './captureSettings';
import { DiskWatcher } from './diskWatcher';
import { EditorCaptureClassifier } from './editorClassifier';
import { editSources } from './editSources';
import { registerInlineAcceptCommands } from './inlineAcceptCommands';
import { registerPasteSignal } from './pasteSignal';

export interface Capture {
  /** Decides who made each document change (DocumentTracker applies the result). */
  readonly classifier: EditorCaptureClassifier;
  readonly disposables: readonly vscode.Disposable[];
}

/** Every capture path of the editor: inline accepts, paste signals, tool edits, files written on disk. */
export function registerCapture(registry: RepositoryRegistry, log: Log, extension: vscode.Extension<unknown>): Capture {
  editSources.detect(extension, log);
  const settings = new CaptureSettings();
  const known = new KnownContents();
  const classifier = new EditorCaptureClassifier(
    { lastKnown: (key) => known.peek(key), current: readDiskText },
    () => settings.editorEdits,
    () => settings.editSources,
  );
  return {
    classifier,
    disposables: [
      settings,
      ...registerInlineAcceptCommands(classifier.core),
      registerPasteSignal(classifier.core),
      new DiskWatcher(registry, known, settings, log),
    ],
  };
}

/** The document keys are file paths (see documentKey). */
function readDiskText(path: string): string | undefined {
  const file = readTextFile(path);
  return file.kind === 'text' ? file.text : undefined;
}

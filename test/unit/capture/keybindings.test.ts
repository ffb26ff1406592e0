// Our inline-accept keybindings stand in for VS Code's own: their command ids
// and context keys must exist in the VS Code we test against (code-server's
// workbench bundle, when the test editor is installed), and their keys must
// be VS Code's defaults.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INLINE_ACCEPT_COMMANDS } from '../../../src/extension/capture/inlineAcceptIds';
import { locateEditor } from '../../host/editorInstall';
import { repoRoot } from '../../host/repoRoot';

interface Keybinding {
  command: string;
  key: string;
  mac?: string;
  when: string;
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
  contributes: { keybindings: Keybinding[]; commands: Array<{ command: string }>; configuration: { properties: Record<string, unknown> } };
};
const ours = manifest.contributes.keybindings.filter((binding) => binding.command.startsWith('aiProvenance.capture.'));

function contextKeys(when: string): string[] {
  return [
    ...new Set(
      when
        .split(/\|\||&&/)
        .map((term) => term.trim().replace(/^!/, ''))
        .filter((key) => !key.startsWith('config.')),
    ),
  ];
}

function workbenchBundle(): string | undefined {
  try {
    const editor = locateEditor();
    return readFileSync(
      join(editor.dir, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'vs', 'code', 'browser', 'workbench', 'workbench.js'),
      'utf8',
    );
  } catch {
    return undefined;
  }
}

describe('inline-accept keybindings', () => {
  it("bind VS Code's default keys, only while our setting is on", () => {
    const byCommand = new Map(ours.map((binding) => [binding.command, binding]));
    assert.equal(byCommand.get('aiProvenance.capture.acceptInlineSuggestion')?.key, 'tab');
    assert.equal(byCommand.get('aiProvenance.capture.acceptInlineSuggestionNextWord')?.key, 'ctrl+right');
    assert.equal(byCommand.get('aiProvenance.capture.acceptInlineSuggestionNextWord')?.mac, 'cmd+right');
    for (const binding of ours) {
      for (const branch of binding.when.split('||')) assert.match(branch, /config\.aiProvenance\.capture\.inlineKeybindings &&/);
      assert.ok(contextKeys(binding.when).includes('inlineSuggestionVisible'), `${binding.command} must need a visible suggestion`);
    }
    assert.ok('aiProvenance.capture.inlineKeybindings' in manifest.contributes.configuration.properties);
    for (const { command } of INLINE_ACCEPT_COMMANDS) {
      assert.ok(
        manifest.contributes.commands.some((entry) => entry.command === command),
        `${command} is not contributed`,
      );
    }
  });

  it('use command ids and context keys that VS Code 1.139 defines', function () {
    const bundle = workbenchBundle();
    if (!bundle) this.skip();
    for (const binding of ours) {
      for (const key of contextKeys(binding.when)) assert.ok(bundle!.includes(`"${key}"`), `VS Code has no context key ${key}`);
    }
    for (const { builtIn } of INLINE_ACCEPT_COMMANDS) assert.ok(bundle!.includes(`"${builtIn}"`), `VS Code has no command ${builtIn}`);
  });
});

import * as assert from 'node:assert/strict';
import { createOutputFilter, type EditorOutput } from '../../host/outputFilter';
import { testOutputStartMarker } from '../../host/testOutputMarker';

function shown(outputs: EditorOutput[], verbose = false): string[] {
  const lines: string[] = [];
  const filter = createOutputFilter({ verbose, write: (line) => lines.push(line) });
  for (const output of outputs) filter.onOutput(output);
  return lines;
}

const info = (text: string): EditorOutput => ({ source: 'workbench', level: 'info', text });
const error = (text: string): EditorOutput => ({ source: 'workbench', level: 'error', text });

describe('integration output filter', () => {
  it("shows the tests' output only from the start marker on", () => {
    const lines = shown([info('Resolving connection token...'), info(testOutputStartMarker), info('  ✔ activates')]);
    assert.deepEqual(lines, ['  ✔ activates']);
  });

  it('shows unexpected editor errors before and after the marker, labelled', () => {
    const lines = shown([error('Extension host crashed'), info(testOutputStartMarker), error('Error: 1 integration test(s) failed.')]);
    assert.deepEqual(lines, ['[editor error] Extension host crashed', '[error] Error: 1 integration test(s) failed.']);
  });

  it('hides the offline noise and the page console, which repeats the log', () => {
    const lines = shown([
      info(testOutputStartMarker),
      error("Timed out waiting for authentication provider 'github' to register."),
      error('getaddrinfo ENOTFOUND open-vsx.org: Failed'),
      { source: 'console', level: 'log', text: '  ✔ activates' },
    ]);
    assert.deepEqual(lines, []);
  });

  it('shows everything when verbose, and still tracks the start', () => {
    const filter = createOutputFilter({ verbose: true, write: () => undefined });
    assert.equal(filter.testsStarted(), false);
    filter.onOutput(info(testOutputStartMarker));
    assert.equal(filter.testsStarted(), true);
    assert.equal(shown([error("Timed out waiting for authentication provider 'github'")], true).length, 1);
  });
});

import * as assert from 'node:assert/strict';
import { parseUserLoadBearingSettings } from '../../../src/core/config/userSettings';

describe('parseUserLoadBearingSettings', () => {
  it('reads classes like the project file does', () => {
    assert.deepEqual(parseUserLoadBearingSettings({ classes: { mine: { keywords: ['ledger'], severity: 'low' } } }), {
      settings: { classes: { mine: { keywords: ['ledger'], severity: 'low' } } },
      problems: [],
    });
  });

  it('names the setting in its problems', () => {
    assert.deepEqual(parseUserLoadBearingSettings({ classes: { mine: { severity: 'max' } }, other: 1 }).problems, [
      'setting `aiProvenance.loadBearing`: other is not a known property; ignored',
      'setting `aiProvenance.loadBearing`: classes.mine.severity must be one of low|medium|high|critical',
    ]);
  });

  it('treats an unset setting as empty', () => {
    assert.deepEqual(parseUserLoadBearingSettings(undefined), { settings: {}, problems: [] });
    assert.deepEqual(parseUserLoadBearingSettings('x').problems, ['setting `aiProvenance.loadBearing`: must be an object; ignored']);
  });
});

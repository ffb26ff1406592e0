import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_ANNOTATION_SETTINGS } from '../../../src/core/views/viewSettings';

/** package.json and the views' sources agree: no setting, colour, command or icon is used without being contributed. */
const ROOT = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'ai-provenance.schema.json'), 'utf8'));
const VIEW_SOURCES = ['views', 'editor', 'statusBar', 'regionsView', 'diagnostics', 'blastRadius', 'loadBearing', 'review'].flatMap((folder) => {
  const dir = join(ROOT, 'src', 'extension', folder);
  return readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8'));
});

function inlineRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(inlineRefs);
  if (node === null || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Record<string, unknown>;
  const base = typeof $ref === 'string' ? (inlineRefs(schema.definitions[$ref.split('/').pop()!]) as object) : {};
  return { ...base, ...Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inlineRefs(value)])) };
}

describe("the views' package.json contributions", () => {
  const settings = contributes.configuration.properties;

  it("contribute every setting the views read, with the planners' defaults", () => {
    const keys: Record<keyof typeof DEFAULT_ANNOTATION_SETTINGS, string> = {
      enabled: 'aiProvenance.enabled',
      highlight: 'aiProvenance.decorations.enabled',
      highlightReviewed: 'aiProvenance.decorations.showReviewed',
      loadBearingWarning: 'aiProvenance.annotations.loadBearingWarning',
      blastRadius: 'aiProvenance.annotations.blastRadius',
      annotateReviewed: 'aiProvenance.annotations.showReviewed',
      minDependents: 'aiProvenance.annotations.minDependents',
    };
    for (const [field, key] of Object.entries(keys)) {
      assert.equal(settings[key]?.default, DEFAULT_ANNOTATION_SETTINGS[field as keyof typeof keys], key);
    }
    const read = [...VIEW_SOURCES.join('\n').matchAll(/get<\w+>\('([\w.]+)', ([^)]+)\)/g)];
    assert.ok(read.length >= 10, 'the settings reads were found');
    for (const [, key, fallback] of read) {
      const setting = settings[`aiProvenance.${key}`];
      assert.ok(setting, `aiProvenance.${key} is contributed`);
      assert.equal(JSON.stringify(setting.default), fallback!.replace(/'/g, '"'), `default of aiProvenance.${key}`);
    }
  });

  it('validate aiProvenance.loadBearing classes like loadBearing.classes in .ai-provenance.json', () => {
    const classes = settings['aiProvenance.loadBearing'].properties.classes;
    assert.deepEqual(classes.additionalProperties, inlineRefs(schema.definitions.classOverride));
    assert.deepEqual(classes.propertyNames, schema.properties.loadBearing.properties.classes.propertyNames);
    assert.deepEqual(contributes.jsonValidation, [{ fileMatch: '.ai-provenance.json', url: './schemas/ai-provenance.schema.json' }]);
  });

  it('contribute every colour the views use', () => {
    const colors = new Set(contributes.colors.map((color: { id: string }) => color.id));
    const used = new Set([
      ...[...VIEW_SOURCES.join('\n').matchAll(/color\('(\w+)'\)/g)].map((match) => `aiProvenance.${match[1]}`),
      ...[...VIEW_SOURCES.join('\n').matchAll(/'(aiProvenance\.\w+Foreground)'/g)].map((match) => match[1]!),
    ]);
    assert.ok(used.size >= 8);
    for (const id of used) assert.ok(colors.has(id), `${id} is contributed`);
  });

  it('contribute the commands of menus, links and tree items, in the "AI Provenance" category', () => {
    const commands = new Map(contributes.commands.map((command: { command: string; category?: string }) => [command.command, command]));
    // String literals naming things that are not commands: the views, the status item, context and state keys, colours, a setting.
    const notCommands = /^aiProvenance\.(regions|review|risk|loadBearing|regionsView\.loadBearingOnly)$|Foreground$/;
    const referenced = new Set([
      ...Object.values(contributes.menus).flatMap((entries) => (entries as Array<{ command: string }>).map((entry) => entry.command)),
      ...[...VIEW_SOURCES.join('\n').matchAll(/'(aiProvenance\.[\w.]+)'/g)].map((match) => match[1]!).filter((id) => !notCommands.test(id)),
    ]);
    assert.ok(referenced.has('aiProvenance.regionsView.markFileReviewed') && referenced.has('aiProvenance.openFile'));
    for (const id of referenced) {
      assert.ok(commands.has(id), `${id} is contributed`);
      assert.equal((commands.get(id) as { category?: string }).category, 'AI Provenance', `${id} has the category`);
    }
    const palette = new Map(contributes.menus.commandPalette.map((entry: { command: string; when?: string }) => [entry.command, entry.when]));
    for (const id of commands.keys()) {
      if ((id as string).startsWith('aiProvenance.regionsView.')) assert.equal(palette.get(id), 'false', `${id} needs a tree element`);
    }
  });

  it('ship the icons they name', () => {
    const icons = [
      ...contributes.viewsContainers.activitybar.map((container: { icon: string }) => container.icon),
      ...[...VIEW_SOURCES.join('\n').matchAll(/media\('([\w.-]+)'\)/g)].map((match) => `media/${match[1]}`),
    ];
    assert.ok(icons.length >= 4);
    for (const icon of icons) assert.ok(existsSync(join(ROOT, icon)), `${icon} exists`);
    assert.deepEqual(
      contributes.views.aiProvenance.map((view: { id: string }) => view.id),
      ['aiProvenance.regions', 'aiProvenance.review'],
    );
  });
});

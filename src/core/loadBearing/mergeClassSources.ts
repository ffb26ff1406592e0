import { NEW_CLASS_SEVERITY, STRUCTURE_CLASS, type ClassOverride, type LoadBearingClass } from './classDefinition';
import type { LoadBearingConfig, UserLoadBearingSettings } from './loadBearingConfig';

/**
 * Builds the effective class list from three layers, lowest first:
 *
 * 1. the built-in defaults, minus `loadBearing.disableDefaults`;
 * 2. the project's `.ai-provenance.json` `loadBearing.classes` (committed,
 *    shared by the team, and the only layer the CLI and the CI gate see);
 * 3. the user's VS Code setting `aiProvenance.loadBearing.classes` (personal,
 *    editor only).
 *
 * A layer's entry for an existing class changes only the fields it sets:
 * `description` and `severity` replace, the lists (`include`, `keywords`,
 * `exclude`, `ignorePhrases`) are added to unless `replace: true`, and
 * `enabled: false` switches the class off (a higher layer may set
 * `enabled: true` again). An entry for a new name creates a class; its
 * severity defaults to "high".
 */
export function mergeClassSources(
  defaults: readonly LoadBearingClass[],
  project: Pick<LoadBearingConfig, 'classes' | 'disableDefaults'>,
  user: UserLoadBearingSettings = {},
): LoadBearingClass[] {
  const disabledDefaults = project.disableDefaults;
  const classes = new Map<string, { definition: LoadBearingClass; enabled: boolean }>();
  for (const definition of defaults) {
    const dropped = disabledDefaults === true || (Array.isArray(disabledDefaults) && disabledDefaults.includes(definition.name));
    if (!dropped) classes.set(definition.name, { definition, enabled: true });
  }
  for (const layer of [project.classes, user.classes ?? {}]) {
    for (const [name, override] of Object.entries(layer)) {
      if (name === STRUCTURE_CLASS) continue;
      const current = classes.get(name);
      classes.set(name, {
        definition: applyOverride(name, current?.definition, override),
        enabled: override.enabled ?? current?.enabled ?? true,
      });
    }
  }
  return [...classes.values()].filter((entry) => entry.enabled).map((entry) => entry.definition);
}

function applyOverride(name: string, base: LoadBearingClass | undefined, override: ClassOverride): LoadBearingClass {
  const inherit = base !== undefined && override.replace !== true;
  const list = (field: 'include' | 'keywords' | 'exclude' | 'ignorePhrases'): readonly string[] =>
    unique([...(inherit ? base[field] : []), ...(override[field] ?? [])]);
  const description = override.description ?? base?.description;
  return {
    name,
    ...(description !== undefined ? { description } : {}),
    severity: override.severity ?? base?.severity ?? NEW_CLASS_SEVERITY,
    include: list('include'),
    keywords: list('keywords'),
    exclude: list('exclude'),
    ignorePhrases: list('ignorePhrases'),
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

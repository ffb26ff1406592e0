import { LoadBearingClassifier } from '../loadBearing/classifier';
import { parseCodeowners } from '../loadBearing/codeowners';
import { readCodeowners } from '../loadBearing/codeownersFile';
import type { ConfigSource } from './configSource';
import { loadProjectConfig } from './loadProjectConfig';
import type { ProjectConfig } from './projectConfig';
import { parseUserLoadBearingSettings } from './userSettings';

export interface LoadedClassifier {
  readonly config: ProjectConfig;
  readonly classifier: LoadBearingClassifier;
  /** Repo-relative path of the CODEOWNERS file used, if any. */
  readonly codeownersPath?: string;
  /** From `.ai-provenance.json`, the user setting and CODEOWNERS, one line each. */
  readonly problems: readonly string[];
}

/**
 * Everything the extension and the CLI do before classifying: read
 * `.ai-provenance.json` and CODEOWNERS from the repository root and build the
 * classifier. `userSetting` is the raw value of `aiProvenance.loadBearing`
 * (the CLI and the CI gate pass none: only committed configuration counts
 * there). `source` reads another version than the work tree's (the gate
 * reads the base's). Never throws.
 */
export async function loadClassifier(repoRoot: string, userSetting?: unknown, source?: ConfigSource): Promise<LoadedClassifier> {
  const [{ config, problems: configProblems }, codeowners] = await Promise.all([
    loadProjectConfig(repoRoot, source),
    readCodeowners(repoRoot, source && ((path) => source.read(path))),
  ]);
  const user = userSetting === undefined ? undefined : parseUserLoadBearingSettings(userSetting);
  const classifier = new LoadBearingClassifier({
    loadBearing: config.loadBearing,
    ...(codeowners ? { codeowners: parseCodeowners(codeowners.text, codeowners.path) } : {}),
    ...(user ? { userSettings: user.settings } : {}),
  });
  return {
    config,
    classifier,
    ...(codeowners ? { codeownersPath: codeowners.path } : {}),
    problems: [...configProblems, ...(user?.problems ?? []), ...classifier.problems],
  };
}

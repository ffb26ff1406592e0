import { LoadBearingClassifier } from '../loadBearing/classifier';
import { parseCodeowners } from '../loadBearing/codeowners';
import { readCodeowners } from '../loadBearing/codeownersFile';
import type { UserLoadBearingSettings } from '../loadBearing/loadBearingConfig';
import type { ConfigSource } from './configSource';
import { loadProjectConfig } from './loadProjectConfig';
import type { ProjectConfig } from './projectConfig';

export interface LoadedClassifier {
  readonly config: ProjectConfig;
  readonly classifier: LoadBearingClassifier;
  /** Repo-relative path of the CODEOWNERS file used, if any. */
  readonly codeownersPath?: string;
  /** From `.ai-provenance.json` and CODEOWNERS, one line each (the user setting's come from parseUserLoadBearingSettings). */
  readonly problems: readonly string[];
}

/**
 * The one loader of the load-bearing classifier, for the CLI, the hooks, the
 * CI gate and the extension (its views and its index thread): read
 * `.ai-provenance.json` and CODEOWNERS from the repository root and build the
 * classifier. `userSettings` are the user's parsed `aiProvenance.loadBearing`
 * (the CLI and the CI gate pass none: only committed configuration counts
 * there). `source` reads another version than the work tree's (the gate
 * reads the base's). Never throws: bad parts fall back to defaults and become problems.
 */
export async function loadClassifier(repoRoot: string, userSettings?: UserLoadBearingSettings, source?: ConfigSource): Promise<LoadedClassifier> {
  const [{ config, problems: configProblems }, codeowners] = await Promise.all([
    loadProjectConfig(repoRoot, source),
    readCodeowners(repoRoot, source && ((path) => source.read(path))),
  ]);
  const classifier = new LoadBearingClassifier({
    loadBearing: config.loadBearing,
    ...(codeowners ? { codeowners: parseCodeowners(codeowners.text, codeowners.path) } : {}),
    ...(userSettings ? { userSettings } : {}),
  });
  return {
    config,
    classifier,
    ...(codeowners ? { codeownersPath: codeowners.path } : {}),
    problems: [...configProblems, ...classifier.problems],
  };
}

import { DEFAULT_PROJECT_CONFIG, loadClassifier } from '../../core/config';
import { LoadBearingClassifier, type UserLoadBearingSettings } from '../../core/loadBearing';
import type { RiskModelConfig } from '../../core/risk';

/** What one repository's configuration decides for the views. */
export interface RepositorySettings {
  readonly classifier: LoadBearingClassifier;
  readonly riskModel: RiskModelConfig;
  /** Problems of `.ai-provenance.json` and CODEOWNERS (the user setting's are reported apart). */
  readonly problems: readonly string[];
}

/** `.ai-provenance.json` + CODEOWNERS + the user's classes. Never throws: bad parts fall back to defaults. */
export async function loadRepositorySettings(root: string, user: UserLoadBearingSettings): Promise<RepositorySettings> {
  const { classifier, config, problems } = await loadClassifier(root, user);
  return { classifier, riskModel: config.risk, problems };
}

/** Until a repository's files are read: the built-in classes, the default risk model. */
export function defaultRepositorySettings(user: UserLoadBearingSettings): RepositorySettings {
  return {
    classifier: LoadBearingClassifier.fromConfig(DEFAULT_PROJECT_CONFIG, undefined, user),
    riskModel: DEFAULT_PROJECT_CONFIG.risk,
    problems: [],
  };
}

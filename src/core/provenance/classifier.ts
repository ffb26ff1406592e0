import { LoadBearingClassifier, readCodeowners, type LoadBearingConfig } from '../loadBearing';

/** The project's load-bearing classifier: its validated `loadBearing` section plus CODEOWNERS. */
export async function projectClassifier(root: string, loadBearing: LoadBearingConfig): Promise<LoadBearingClassifier> {
  const codeowners = await readCodeowners(root);
  return LoadBearingClassifier.fromConfig({ loadBearing }, codeowners?.text);
}

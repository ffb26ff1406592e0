import type { LoadBearingClassifier } from '../../loadBearing';
import type { BlastRadiusProvider } from '../blastRadius';
import { openIndexBlastRadius } from '../indexBlastRadius';
import type { HookContext } from './hookContext';

/** The index-backed provider when the user opted in (aiProvenance.hookBlastRadius) and an index cache exists; release() frees its workers. */
export async function blastRadiusForHook(
  context: HookContext,
  classifier: LoadBearingClassifier,
): Promise<{ provider: BlastRadiusProvider | undefined; release(): void }> {
  if (context.settings.blastRadius === 'off' || !context.settings.hookBlastRadius) return { provider: undefined, release: () => undefined };
  const index = await openIndexBlastRadius(context.root, context.storeDir, classifier);
  return index ?? { provider: undefined, release: () => undefined };
}

import * as vscode from 'vscode';
import type { Classification } from '../../core/loadBearing';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { RegionDiagnostics } from '../diagnostics/regionDiagnostics';
import { LoadBearingService } from '../loadBearing/loadBearingService';
import type { Log } from '../log';
import { RegionsView } from '../regionsView/regionsView';
import type { RegionsViewNode } from '../regionsView/regionsTreeProvider';
import type { BranchWatcher } from '../repositories/branchWatcher';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { BlastRadiusCache } from '../blastRadius/blastRadiusCache';
import type { BlastRadiusSlot } from '../blastRadius/blastRadiusSlot';
import { RegionInsights } from './regionInsights';
import { RiskStatusBar, type StatusBarSnapshot } from '../statusBar/riskStatusBar';
import { RegionCodeLensProvider } from '../editor/regionCodeLens';
import { RegionDecorations, type DecorationSnapshot } from '../editor/regionDecorations';
import { RegionHoverProvider } from '../editor/regionHover';
import { registerViewCommands } from './viewCommands';

/** What integration tests (and other extensions) can see of the views. */
export interface ViewsApi {
  /** The decorations last painted in the visible editor of a document. */
  decorations(uri: vscode.Uri): DecorationSnapshot | undefined;
  statusBar(): StatusBarSnapshot;
  readonly regionsTree: vscode.TreeDataProvider<RegionsViewNode>;
  /** Whether the AI Regions view is showing. */
  regionsViewVisible(): boolean;
  /** The load-bearing classes of a document's file, undefined outside tracked repositories. */
  classification(uri: vscode.Uri): Classification | undefined;
  /** Mistakes found in `.ai-provenance.json`, CODEOWNERS and `aiProvenance.loadBearing`, each reported once. */
  configurationProblems(): readonly string[];
  /** Uses `source` for blast radii until the returned disposable is disposed. */
  useBlastRadiusSource(source: BlastRadiusSource): vscode.Disposable;
  /** Resolves once configuration is read and debounced refreshes have run. */
  settled(): Promise<void>;
}

/**
 * Everything the author sees about AI code: decorations and annotations,
 * hover, code lens, status bar risk meter, regions view, diagnostics.
 */
export function registerViews(
  context: vscode.ExtensionContext,
  registry: RepositoryRegistry,
  blastRadius: BlastRadiusSlot,
  branches: BranchWatcher,
  log: Log,
): { readonly disposables: vscode.Disposable[]; readonly api: ViewsApi; readonly loadBearing: LoadBearingService } {
  const loadBearing = new LoadBearingService(registry, blastRadius, log);
  const blastCache = new BlastRadiusCache(registry, blastRadius);
  const insights = new RegionInsights(registry, loadBearing, blastCache, [branches.onDidSwitch, vscode.workspace.onDidSaveTextDocument]);
  const decorations = new RegionDecorations(registry, insights, context.extensionUri);
  const codeLens = new RegionCodeLensProvider(registry, insights);
  const statusBar = new RiskStatusBar(insights);
  const regionsView = new RegionsView(insights, context.workspaceState);
  const diagnostics = new RegionDiagnostics(insights);

  const disposables = [
    loadBearing,
    blastCache,
    insights,
    decorations,
    codeLens,
    statusBar,
    regionsView,
    diagnostics,
    vscode.languages.registerHoverProvider({ scheme: 'file' }, new RegionHoverProvider(insights)),
    vscode.languages.registerCodeLensProvider({ scheme: 'file' }, codeLens),
    ...registerViewCommands(registry),
  ];
  const api: ViewsApi = {
    decorations: (uri) => decorations.snapshot(uri),
    statusBar: () => statusBar.snapshot(),
    regionsTree: regionsView.provider,
    regionsViewVisible: () => regionsView.visible,
    classification: (uri) => insights.fileInsight(uri)?.classification,
    configurationProblems: () => loadBearing.problemsReported,
    useBlastRadiusSource: (source) => blastRadius.use(source),
    settled: async () => {
      await insights.settled();
      await decorations.settled();
    },
  };
  return { disposables, api, loadBearing };
}

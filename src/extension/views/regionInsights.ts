import * as vscode from 'vscode';
import type { Classification } from '../../core/loadBearing';
import type { AiRegion } from '../../core/regions';
import type { RiskModelConfig } from '../../core/risk';
import { assessWorkspace, type BlastLookup, type RepositoryRiskInput, type WorkspaceRisk } from '../../core/views';
import type { LoadBearingService } from '../loadBearing/loadBearingService';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import type { BlastRadiusCache } from '../blastRadius/blastRadiusCache';

/** One file's regions with what the views say about them. */
export interface FileInsight {
  readonly repository: RepositoryContext;
  readonly path: string;
  readonly regions: readonly AiRegion[];
  readonly classification: Classification;
  readonly riskModel: RiskModelConfig;
  /** Memoized; see BlastRadiusCache. */
  blastOf(region: AiRegion): BlastLookup;
}

/** Recomputing the workspace's risk waits for a burst of changes to end. */
const WORKSPACE_DEBOUNCE_MS = 150;

/**
 * The views' one source of facts: regions (from the stores), classes and
 * risk model (LoadBearingService), blast radii (BlastRadiusCache), and the
 * workspace's risk, recomputed lazily after changes settle.
 */
export class RegionInsights implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly factsEmitter = new vscode.EventEmitter<void>();
  private readonly workspaceEmitter = new vscode.EventEmitter<void>();
  private workspaceRisk: WorkspaceRisk | undefined;
  private workspaceTimer: NodeJS.Timeout | undefined;

  /** Classes, risk model or blast radii changed (region edits come from the registry). */
  readonly onDidChangeFacts = this.factsEmitter.event;
  /** The workspace's risk is out of date: read `workspace()` again. Debounced. */
  readonly onDidChangeWorkspace = this.workspaceEmitter.event;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly loadBearing: LoadBearingService,
    private readonly blastRadius: BlastRadiusCache,
    /** Other moments worth a recount: saves, branch switches. */
    triggers: ReadonlyArray<vscode.Event<unknown>>,
  ) {
    const factsChanged = () => {
      this.factsEmitter.fire();
      this.workspaceChanged();
    };
    this.disposables.push(
      this.factsEmitter,
      this.workspaceEmitter,
      registry.onDidChangeRegions(() => this.workspaceChanged()),
      registry.onDidOpenRepository(() => this.workspaceChanged()),
      loadBearing.onDidChange(factsChanged),
      blastRadius.onDidChange(factsChanged),
      ...triggers.map((trigger) => trigger(() => this.workspaceChanged())),
    );
  }

  /** Undefined for documents outside any tracked repository (or not yet resolved). */
  fileInsight(uri: vscode.Uri): FileInsight | undefined {
    const repository = this.registry.lookup(uri);
    const path = repository?.pathOf(uri);
    return repository && path !== undefined ? this.insightOf(repository, path) : undefined;
  }

  insightOf(repository: RepositoryContext, path: string): FileInsight {
    const regions = repository.store.regions(path);
    const blastOf = this.blastRadius.forFile(repository, path, regions);
    return {
      repository,
      path,
      regions,
      classification: this.loadBearing.classification(repository, path),
      riskModel: this.loadBearing.riskModel(repository),
      blastOf,
    };
  }

  /** Every region of every repository, assessed; cached until something changes. */
  workspace(): WorkspaceRisk {
    this.workspaceRisk ??= assessWorkspace(this.registry.all().map((repository) => this.repositoryInput(repository)));
    return this.workspaceRisk;
  }

  /** Resolves after pending recomputations have been announced (tests). */
  async settled(): Promise<void> {
    await this.loadBearing.whenLoaded();
    while (this.workspaceTimer) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  dispose(): void {
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private repositoryInput(repository: RepositoryContext): RepositoryRiskInput {
    return { root: repository.root, label: repository.name, model: this.loadBearing.riskModel(repository), files: this.filesOf(repository) };
  }

  private *filesOf(repository: RepositoryContext): Iterable<FileInsight> {
    for (const path of repository.store.files()) yield this.insightOf(repository, path);
  }

  private workspaceChanged(): void {
    this.workspaceRisk = undefined;
    if (this.workspaceTimer) clearTimeout(this.workspaceTimer);
    this.workspaceTimer = setTimeout(() => {
      this.workspaceTimer = undefined;
      this.workspaceEmitter.fire();
    }, WORKSPACE_DEBOUNCE_MS);
  }
}

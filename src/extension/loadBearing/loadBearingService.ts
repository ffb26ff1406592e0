import * as vscode from 'vscode';
import { parseUserLoadBearingSettings, PROJECT_CONFIG_FILE, USER_SETTING } from '../../core/config';
import { type Classification, CODEOWNERS_LOCATIONS, type UserLoadBearingSettings } from '../../core/loadBearing';
import type { RiskModelConfig } from '../../core/risk';
import type { BlastRadiusSource } from '../blastRadius/blastRadiusSource';
import { describeError, type Log } from '../log';
import type { RepositoryContext } from '../repositories/repositoryContext';
import type { RepositoryRegistry } from '../repositories/repositoryRegistry';
import { ConfigProblems } from './configProblems';
import { defaultRepositorySettings, loadRepositorySettings, type RepositorySettings } from './repositorySettings';

/** Files whose change re-classifies a repository, relative to its root. */
const WATCHED_FILES = `{${[PROJECT_CONFIG_FILE, ...CODEOWNERS_LOCATIONS].join(',')}}`;

/**
 * Which files are load-bearing and how risk is weighed, per repository:
 * `.ai-provenance.json`, CODEOWNERS, the user's `aiProvenance.loadBearing`
 * setting, and dependent counts from the index (structure). Re-reads them
 * when they change and fires onDidChange.
 */
export class LoadBearingService implements vscode.Disposable {
  private readonly settings = new Map<string, RepositorySettings>();
  private readonly loads = new Map<string, Promise<void>>();
  private readonly appliedCounts = new Map<string, ReadonlyMap<string, number>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  private readonly problems: ConfigProblems;
  private user: UserLoadBearingSettings;
  private fallback: RepositorySettings;

  /** Classes or the risk model changed: classify again. */
  readonly onDidChange = this.changeEmitter.event;

  constructor(
    private readonly registry: RepositoryRegistry,
    private readonly blastRadius: BlastRadiusSource,
    log: Log,
  ) {
    this.problems = new ConfigProblems(log);
    this.user = this.readUserSettings();
    this.fallback = defaultRepositorySettings(this.user);
    this.disposables.push(
      this.changeEmitter,
      registry.onDidOpenRepository((repository) => this.watch(repository)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(USER_SETTING)) return;
        this.user = this.readUserSettings();
        this.fallback = defaultRepositorySettings(this.user);
        for (const repository of registry.all()) void this.reload(repository);
      }),
      blastRadius.onDidChange(() => this.applyDependentCounts()),
    );
    for (const repository of registry.all()) this.watch(repository);
  }

  classification(repository: RepositoryContext, path: string): Classification {
    return this.settingsOf(repository).classifier.classify(path);
  }

  riskModel(repository: RepositoryContext): RiskModelConfig {
    return this.settingsOf(repository).riskModel;
  }

  /** Configuration problems reported so far (each once). */
  get problemsReported(): readonly string[] {
    return this.problems.reportedProblems;
  }

  /** Resolves once every repository's configuration has been read (tests). */
  async whenLoaded(): Promise<void> {
    while (this.loads.size > 0) await Promise.all(this.loads.values());
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }

  private settingsOf(repository: RepositoryContext): RepositorySettings {
    return this.settings.get(repository.root) ?? this.fallback;
  }

  private watch(repository: RepositoryContext): void {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(repository.root), WATCHED_FILES));
    const reload = () => void this.reload(repository);
    this.disposables.push(watcher, watcher.onDidCreate(reload), watcher.onDidChange(reload), watcher.onDidDelete(reload));
    reload();
  }

  private reload(repository: RepositoryContext): Promise<void> {
    const load = (this.loads.get(repository.root) ?? Promise.resolve()).then(async () => {
      const settings = await loadRepositorySettings(repository.root, this.user);
      this.settings.set(repository.root, settings);
      this.appliedCounts.delete(repository.root);
      this.applyCountsOf(repository, settings);
      this.problems.report(settings.problems, configFileOf(repository, settings.problems));
      this.changeEmitter.fire();
    });
    const tracked = load.catch((error) =>
      this.problems.report([`could not read the configuration of ${repository.root}: ${describeError(error)}`], undefined),
    );
    this.loads.set(repository.root, tracked);
    void tracked.finally(() => {
      if (this.loads.get(repository.root) === tracked) this.loads.delete(repository.root);
    });
    return tracked;
  }

  private readUserSettings(): UserLoadBearingSettings {
    const raw = vscode.workspace.getConfiguration().get<unknown>(USER_SETTING);
    const { settings, problems } = parseUserLoadBearingSettings(raw ?? {});
    this.problems.report(problems, undefined);
    return settings;
  }

  /** High fan-in files become load-bearing by structure once the index knows the counts. */
  private applyDependentCounts(): void {
    let changed = false;
    for (const repository of this.registry.all()) {
      const settings = this.settings.get(repository.root);
      if (settings && this.applyCountsOf(repository, settings)) changed = true;
    }
    if (changed) this.changeEmitter.fire();
  }

  private applyCountsOf(repository: RepositoryContext, settings: RepositorySettings): boolean {
    const counts = this.blastRadius.dependentCounts?.(repository);
    if (!counts || this.appliedCounts.get(repository.root) === counts) return false;
    this.appliedCounts.set(repository.root, counts);
    settings.classifier.setDependentCounts(counts);
    return true;
  }
}

function configFileOf(repository: RepositoryContext, problems: readonly string[]): vscode.Uri | undefined {
  if (problems.length === 0) return undefined;
  const inProjectFile = problems.some((problem) => problem.startsWith(`\`${PROJECT_CONFIG_FILE}\``));
  return inProjectFile ? repository.uriOf(PROJECT_CONFIG_FILE) : undefined;
}

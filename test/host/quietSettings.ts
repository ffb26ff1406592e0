// User settings for a throw-away editor: nothing that phones home (there is no
// network here, so each attempt is only noise and delay), no welcome page or
// walkthroughs covering the editor, no sign-in prompts.
export type WorkspaceTrust = 'disabled' | 'enabled';

export function quietUserSettings(workspaceTrust: WorkspaceTrust): Record<string, unknown> {
  return {
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    // 'off' rather than false: the workbench rewrites false to 'off' in settings.json at start-up.
    'extensions.autoUpdate': 'off',
    'extensions.ignoreRecommendations': true,
    'workbench.enableExperiments': false,
    'workbench.settings.enableNaturalLanguageSearch': false,
    'workbench.startupEditor': 'none',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // The web workbench saves edited files after a delay by default; desktop VS
    // Code does not. Off, so a test's edits reach the disk only when it saves.
    'files.autoSave': 'off',
    // VS Code's built-in chat asks for a GitHub sign-in at startup.
    'chat.disableAIFeatures': true,
    'github.gitAuthentication': false,
    'git.terminalAuthentication': false,
    'git.autofetch': false,
    'git.openRepositoryInParentFolders': 'never',
    'npm.fetchOnlinePackageInfo': false,
    'typescript.disableAutomaticTypeAcquisition': true,
    // With trust enabled the workspace opens in Restricted Mode without a modal
    // dialog, so a test of trust behaviour starts from a known state.
    'security.workspace.trust.enabled': workspaceTrust === 'enabled',
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.untrustedFiles': 'open',
  };
}

// User settings of the demo editor (`npm start`) and of the end-to-end test,
// merged over the quiet defaults of test/host/quietSettings.ts.
export const demoUserSettings: Record<string, unknown> = {
  // The demo's README says what to try.
  'workbench.startupEditor': 'readme',
  // Commit from the Source Control view without staging first, as a newcomer
  // expects, and without the dialog asking whether to.
  'git.enableSmartCommit': true,
  'git.suggestSmartCommit': false,
  'editor.inlineSuggest.enabled': true,
  // The quiet defaults turn VS Code's built-in AI features off (no sign-in
  // prompts), which in VS Code 1.139 also stops inline suggestions from
  // appearing as you type, whatever extension provides them.
  'chat.disableAIFeatures': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'editor.minimap.enabled': false,
  // Terminals of a demo end with it; nothing to revive next time.
  'terminal.integrated.enablePersistentSessions': false,
};

import type { HookPayloadParser } from './hookReport';
import { appendToArray, isEmptyDocument, isPlainObject, removeFromArray, setValue, valueAt } from './jsonEdits';

export type AgentScope = 'project' | 'user';

/** Where an agent's configuration can live: the repository (or folder) and the user's home. */
export interface AgentPlaces {
  readonly root: string;
  readonly home: string;
}

/**
 * How AI Provenance plugs into one agent: the file its hook goes in, how
 * to add and remove the hook there, and how to read what the hook sends.
 */
export interface AgentIntegration {
  readonly name: string;
  readonly displayName: string;
  /** `hooks`: the agent runs a command after each edit; `plugin`: it loads a plugin file we write. */
  readonly mechanism: 'hooks' | 'plugin';
  /** Paths (relative to the workspace) whose presence shows the agent is used there. */
  readonly markers: readonly string[];
  /** The configuration file, relative to the root (project) or the home directory (user). */
  readonly files: Readonly<Record<AgentScope, string>>;
  /** The file must be executable (a hook script). */
  readonly executable?: boolean;
  /** Printed after a successful install: what the agent itself may need. */
  readonly note?: string;
  readonly parse: HookPayloadParser;
  isInstalled(text: string): boolean;
  /** The file's new text with our hook added; throws when the file cannot be merged safely. */
  install(text: string | undefined, command: string): string;
  /** The file's text without our hook; undefined when nothing of the user's is left (remove the file). */
  uninstall(text: string): string | undefined;
}

/** Whether a hook command is ours for this agent (whatever executable path it starts with). */
export function isOurCommand(command: unknown, agent: string): boolean {
  return typeof command === 'string' && command.includes(`record --hook ${agent}`);
}

/**
 * Claude Code's hook layout, which Gemini CLI and Codex share:
 * `{"hooks": {"<Event>": [{"matcher": "...", "hooks": [{"type": "command", "command": "..."}]}]}}`.
 */
export function matcherGroupHooks(agent: string, event: string, matcher: string, extra: Record<string, unknown> = {}) {
  const path = ['hooks', event];
  const ours = (hook: unknown) => isPlainObject(hook) && isOurCommand(hook.command, agent);
  const groupIsOurs = (group: unknown) => isPlainObject(group) && Array.isArray(group.hooks) && group.hooks.length > 0 && group.hooks.every(ours);
  return {
    isInstalled: (text: string) => {
      const groups = valueAt(text, path);
      return Array.isArray(groups) && groups.some((group) => isPlainObject(group) && Array.isArray(group.hooks) && group.hooks.some(ours));
    },
    install: (text: string | undefined, command: string) =>
      appendToArray(text ?? '', path, { matcher, hooks: [{ type: 'command', command, ...extra }] }),
    uninstall: (text: string) => {
      let result = removeFromArray(text, path, groupIsOurs);
      // Our command added by hand to a group of the user's: take out just the command.
      const groups = valueAt(result, path);
      if (Array.isArray(groups)) {
        groups.forEach((group, index) => {
          if (isPlainObject(group) && Array.isArray(group.hooks)) result = removeFromArray(result, [...path, index, 'hooks'], ours);
        });
      }
      return isEmptyDocument(result) ? undefined : result;
    },
  };
}

/** Cursor's and Windsurf's layout: `{"hooks": {"<event>": [{"command": "..."}]}}`. */
export function flatHooks(agent: string, events: readonly string[], entry: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const ours = (hook: unknown) => isPlainObject(hook) && isOurCommand(hook.command, agent);
  return {
    isInstalled: (text: string) =>
      events.every((event) => {
        const hooks = valueAt(text, ['hooks', event]);
        return Array.isArray(hooks) && hooks.some(ours);
      }),
    install: (text: string | undefined, command: string) => {
      let result = text ?? '';
      for (const [key, value] of Object.entries(header)) if (valueAt(result, [key]) === undefined) result = setValue(result, [key], value);
      for (const event of events) {
        const hooks = valueAt(result, ['hooks', event]);
        if (!(Array.isArray(hooks) && hooks.some(ours))) result = appendToArray(result, ['hooks', event], { command, ...entry });
      }
      return result;
    },
    uninstall: (text: string) => {
      let result = text;
      for (const event of events) result = removeFromArray(result, ['hooks', event], ours);
      return isEmptyDocument(result, Object.keys(header)) ? undefined : result;
    },
  };
}

/** A file that is entirely ours (a hook script, a plugin, a hook file of our own name). */
export function ownedFile(agent: string, contents: (command: string) => string, describe: string, marked = true) {
  // A file of our own name (the Copilot hook file) needs no mark: JSON has no comments.
  const isOurs = (text: string) => (!marked || text.includes(OWNED_FILE_MARK)) && text.includes(`record --hook ${agent}`);
  return {
    isInstalled: isOurs,
    install: (text: string | undefined, command: string) => {
      if (text !== undefined && !isOurs(text))
        throw new Error(`${describe} already exists and is not ours: add \`${command}\` to it yourself, or move it aside`);
      return contents(command);
    },
    uninstall: (text: string) => (isOurs(text) ? undefined : text),
  };
}

/** Written into every file we own, so that uninstall never removes a file of the user's. */
export const OWNED_FILE_MARK = 'Written by `ai-provenance agents install`';

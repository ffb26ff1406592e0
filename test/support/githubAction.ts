import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a composite action (action.yml) the way the GitHub Actions runner
 * does: inputs with their defaults, `${{ }}` expressions evaluated from the
 * inputs, github, runner and steps contexts, each `run` step written to a
 * file and run with `bash --noprofile --norc -eo pipefail <file>` in its
 * working directory with the runner's environment (GITHUB_ACTION_PATH,
 * GITHUB_WORKSPACE, GITHUB_EVENT_PATH, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT,
 * RUNNER_TEMP, ...), step outputs read back from GITHUB_OUTPUT, the first
 * failing step ending the run. It refuses what it does not reproduce (steps
 * that `uses:` another action, `if:`, operators in expressions) and `${{ }}`
 * inside a script, which would let a branch name or an input inject shell.
 */
export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly steps: ReadonlyArray<{ readonly name: string; readonly code: number }>;
}

export interface ActionRunOptions {
  readonly workspace: string;
  /** RUNNER_TEMP: the event file, the step summary, the scripts and their outputs go here. */
  readonly runnerTemp: string;
  readonly inputs?: Readonly<Record<string, string>>;
  readonly event?: unknown;
  readonly eventName?: string;
}

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly run?: string;
  readonly shell?: string;
  readonly uses?: string;
  readonly if?: string;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}

interface ActionFile {
  readonly inputs?: Record<string, { readonly default?: string }>;
  readonly outputs?: Record<string, { readonly value: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

export function readActionFile(actionDir: string): ActionFile {
  return parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionFile;
}

export function runCompositeAction(actionDir: string, options: ActionRunOptions): ActionRun {
  const action = readActionFile(actionDir);
  if (action.runs.using !== 'composite') throw new Error(`not a composite action: runs.using is ${action.runs.using}`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs ?? {})) inputs[name] = input.default ?? '';
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (!(name in inputs)) throw new Error(`Unexpected input '${name}' (action.yml declares ${Object.keys(inputs).join(', ')})`);
    inputs[name] = value;
  }
  const temp = options.runnerTemp;
  mkdirSync(temp, { recursive: true });
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event ?? {}));
  const summaryPath = join(temp, 'step-summary.md');
  writeFileSync(summaryPath, '');
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const context = { inputs, github: { action_path: actionDir, workspace: options.workspace, event: options.event ?? {} }, runner: { temp }, steps };
  const evaluate = (text: string) =>
    text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
      if (!/^[A-Za-z_][\w-]*(\.[\w-]+)*$/.test(expression)) throw new Error(`unsupported expression: ${expression}`);
      let value: unknown = context;
      for (const key of expression.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      return value === undefined || value === null ? '' : String(value);
    });

  let stdout = '';
  let stderr = '';
  const ran: Array<{ name: string; code: number }> = [];
  let code = 0;
  action.runs.steps.forEach((step, index) => {
    if (code !== 0) return;
    if (step.uses || step.if || step.run === undefined || step.shell !== 'bash')
      throw new Error(`step ${index + 1}: only \`run\` steps with shell: bash are reproduced`);
    if (step.run.includes('${{')) throw new Error(`step ${index + 1}: \${{ }} inside a script (pass values through env)`);
    const script = join(temp, `step-${index + 1}.sh`);
    writeFileSync(script, step.run);
    const outputFile = join(temp, `output-${index + 1}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_EVENT_NAME: options.eventName ?? 'pull_request',
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: temp,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = evaluate(String(value));
    const cwd = resolve(options.workspace, evaluate(step['working-directory'] ?? '.'));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
      cwd,
      env,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    stdout += result.stdout;
    stderr += result.stderr;
    code = result.status ?? 1;
    ran.push({ name: step.name ?? `step ${index + 1}`, code });
    if (step.id) steps[step.id] = { outputs: readOutputs(outputFile) };
  });
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, output]) => [name, evaluate(output.value)]));
  return { code, stdout, stderr, outputs, summary: readFileSync(summaryPath, 'utf8'), steps: ran };
}

/** `name=value` lines and `name<<DELIMITER` blocks, as the runner reads GITHUB_OUTPUT. */
function readOutputs(path: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const equals = lines[i].indexOf('=');
    if (equals > 0) outputs[lines[i].slice(0, equals)] = lines[i].slice(equals + 1);
  }
  return outputs;
}

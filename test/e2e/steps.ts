// Runs a journey's steps in order, stopping at the first failure, and saves a
// screenshot of the workbench after each step (and of the failure) into the
// artifacts folder: the record of what the test saw.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface StepContext {
  /** Saves a screenshot now, named `<step number>-<name>.png`; the whole window unless `clip` is given. */
  screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void>;
  log(line: string): void;
}

export interface Step {
  readonly title: string;
  /** The screenshot taken when the step has passed. */
  readonly screenshot: string;
  readonly timeoutMs?: number;
  run(context: StepContext): Promise<void>;
}

export interface StepsResult {
  readonly passed: number;
  readonly failed: string | undefined;
  readonly screenshots: readonly string[];
}

const DEFAULT_STEP_TIMEOUT_MS = 120_000;

export async function runSteps(page: Page, steps: readonly Step[], artifactsDir: string): Promise<StepsResult> {
  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });
  const screenshots: string[] = [];
  const journeyStarted = Date.now();
  const report: string[] = [];

  for (const [index, step] of steps.entries()) {
    const prefix = String(index + 1).padStart(2, '0');
    const context: StepContext = {
      screenshot: async (name, clip) => {
        const path = join(artifactsDir, `${prefix}-${name}.png`);
        await page.screenshot({ path, clip });
        screenshots.push(path);
      },
      log: (line) => console.log(`      ${line}`),
    };
    const started = Date.now();
    try {
      await withTimeout(step.run(context), step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS, step.title);
      await context.screenshot(step.screenshot);
      const line = `  ✔ ${step.title} (${seconds(started)})`;
      console.log(line);
      report.push(line);
    } catch (error) {
      const line = `  ✖ ${step.title} (${seconds(started)})`;
      console.log(line);
      console.log(`    ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`.replace(/\n/g, '\n    '));
      report.push(line, `    ${error instanceof Error ? error.message : String(error)}`);
      await context.screenshot(`${step.screenshot}-FAILED`).catch(() => undefined);
      writeReport(artifactsDir, report, screenshots, journeyStarted);
      return { passed: index, failed: step.title, screenshots };
    }
  }
  writeReport(artifactsDir, report, screenshots, journeyStarted);
  return { passed: steps.length, failed: undefined, screenshots };
}

function writeReport(dir: string, lines: string[], screenshots: string[], started: number): void {
  const sizes = screenshots.map((path) => `  ${path.split('/').pop()}  ${Math.round(statSync(path).size / 1024)} KB`);
  writeFileSync(join(dir, 'report.txt'), `${[...lines, '', `journey: ${seconds(started)}`, 'screenshots:', ...sizes].join('\n')}\n`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`"${what}" did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

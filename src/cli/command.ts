/** What every CLI command gets: its arguments and where to write. */
export interface CliIO {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (hooks pass JSON this way); `onFirstBytes` is called when the first bytes (or the end) arrive. */
  readStdin(onFirstBytes?: () => void): Promise<string>;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `ai-provenance --help`. */
  readonly summary: string;
  /** Full usage text for `ai-provenance <name> --help`. */
  readonly usage: string;
  /** Returns the process exit code. Throws UsageError for bad arguments. */
  run(argv: readonly string[], io: CliIO): Promise<number>;
}

/** Bad arguments: printed as one line plus a hint, exit code 2. */
export class UsageError extends Error {}

/** An expected failure (missing file, not a repository): one line, exit code 1. */
export class CliError extends Error {}

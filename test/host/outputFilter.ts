// Decides which of the editor's output the integration run shows. The
// workbench's log carries both the extension host's console (mocha's report)
// and the editor's own chatter: start-up info, and errors that only mean there
// is no network here (GitHub sign-in, the extension gallery).
import { testOutputStartMarker } from './testOutputMarker';

export interface EditorOutput {
  /** 'workbench': the workbench's log service (extension host console included); 'console': the page's console; 'page-error': uncaught in the page. */
  source: 'workbench' | 'console' | 'page-error';
  level: string;
  text: string;
}

/** Known to be harmless here; each pattern names what it is. */
const knownNoise: RegExp[] = [
  /Timed out waiting for authentication provider '?github/i, // no GitHub sign-in without network
  /open-vsx\.org|queryRawGalleryExtensions|extension gallery|gallery service/i, // no extension gallery without network
  /getaddrinfo (ENOTFOUND|EAI_AGAIN)/, // any other lookup of an outside host
  /Creation of workbench contribution .* took \d+ms/, // start-up timing warnings on a slow machine
  /Failed to load resource/, // e.g. vsda.js, absent from code-server by design
  /^\[AccountPolicyGate\]|^\[AgentHost:remote\]|^\[Service Worker\]/, // start-up chatter that recurs later
  /^\[DefaultAccount\] .*failed/, // the account service looking for a GitHub session
  /^Canceled: Canceled/, // requests cut off when the extension host stops after the tests
];

export function isKnownNoise(text: string): boolean {
  return knownNoise.some((pattern) => pattern.test(text));
}

export interface OutputFilter {
  onOutput(output: EditorOutput): void;
  /** Whether the extension host has started running the tests (the marker was seen). */
  testsStarted(): boolean;
}

/**
 * Shows the tests' output and the editor's unexpected warnings and errors.
 * Verbose shows everything, with the time since the start, source and level.
 */
export function createOutputFilter({
  verbose,
  write = (line: string) => process.stdout.write(`${line}\n`),
}: {
  verbose: boolean;
  write?: (line: string) => void;
}): OutputFilter {
  let testsStarted = false;
  const started = Date.now();
  const onOutput = ({ source, level, text }: EditorOutput): void => {
    if (text.includes(testOutputStartMarker)) testsStarted = true;
    if (verbose) return write(`[+${((Date.now() - started) / 1000).toFixed(1)}s ${source} ${level}] ${text}`);
    // The page console repeats the workbench log (and adds only resource errors).
    if (source === 'console' || text.includes(testOutputStartMarker) || isKnownNoise(text)) return;
    const isProblem = level === 'error' || level === 'warn' || source === 'page-error';
    if (isProblem) write(`[${testsStarted ? level : `editor ${level}`}] ${text}`);
    else if (testsStarted) write(text);
  };
  return { onOutput, testsStarted: () => testsStarted };
}

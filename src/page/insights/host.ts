/** The editor's webview API when the page runs in the editor; undefined in a standalone report. */
interface WebviewApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): WebviewApi;

let api: WebviewApi | null | undefined;

function webviewApi(): WebviewApi | undefined {
  if (api === undefined) api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : null;
  return api ?? undefined;
}

/** True inside the editor's view, where files can be opened. */
export function canOpenFiles(): boolean {
  return webviewApi() !== undefined;
}

export function openFile(path: string): void {
  webviewApi()?.postMessage({ command: 'openFile', path });
}

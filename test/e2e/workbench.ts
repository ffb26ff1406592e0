// What a person does and sees in the VS Code workbench, through the page's
// keyboard, mouse and DOM only (no extension API): open files, type, run
// commands, read the editor's text, ghost text, decorations, hovers, status
// bar, views and terminal. Selectors are VS Code 1.139's (code-server 4.139.1).
import type { Locator, Page } from 'playwright-core';
import type { PageElement, PageGlobals } from './dom';

/** Polls `read` until `accept` holds for its value; the error names `what` and the last value seen. */
export async function waitUntil<T>(what: string, read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A computed `content` value ("text" with CSS escapes) as the text it shows. */
function cssStringValue(content: string): string {
  const inner = content.replace(/^"|"$/g, '');
  return plain(
    inner.replace(/\\([0-9a-fA-F]{1,6} ?|.)/g, (_, escaped: string) =>
      /^[0-9a-fA-F]/.test(escaped) ? String.fromCodePoint(parseInt(escaped, 16)) : escaped,
    ),
  );
}

/** Monaco renders spaces as U+00A0; tests compare with the file's text. */
function plain(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export class Workbench {
  /** `log` hears about detours a run took (e.g. asking for a suggestion again). */
  constructor(
    readonly page: Page,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Resolves once the Explorer shows the folder's files. */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
  }

  // ---- commands and files

  /** Runs a command by its title from the Command Palette, as a person would. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relativePath: string): Promise<void> {
    const name = relativePath.split('/').pop()!;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(relativePath);
    // Enter opens the focused row, which lags behind the typed filter on a busy machine.
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first();
    await focused.waitFor({ timeout: 30_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.activeEditor().locator('.view-lines').waitFor();
    await this.focusEditor();
  }

  /** Puts the keyboard focus in the active editor's text. */
  async focusEditor(): Promise<void> {
    await this.activeEditor().locator('textarea.inputarea, .native-edit-context').first().focus();
  }

  /** Go to Line (Ctrl+G), cursor at the line's end. Lines are 1-based. */
  async goToLine(line: number): Promise<void> {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await this.page.keyboard.press('End');
  }

  /** Types like a person (key by key), so auto-closing and inline suggestions react as they do for people. */
  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 25 });
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  /** Puts text on the clipboard, as copying it elsewhere would. */
  async setClipboard(text: string): Promise<void> {
    await this.page.evaluate((value: string) => (globalThis as unknown as PageGlobals).navigator.clipboard.writeText(value), text);
  }

  // ---- the editor

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** The lines the active editor shows (Monaco renders only those), by 1-based line number. */
  async visibleLines(): Promise<Record<number, string>> {
    const lines = await this.activeEditor().evaluate((editor: PageElement) => {
      // Line numbers and texts are separate layers; the same `top` lines them up.
      const numberAt = new Map(
        [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((element) => [
          element.parentElement!.style.top,
          Number(element.textContent),
        ]),
      );
      return [...editor.querySelectorAll('.view-lines .view-line')].flatMap((element) => {
        const number = numberAt.get(element.style.top);
        return number ? [[number, element.textContent ?? ''] as const] : [];
      });
    });
    return Object.fromEntries(lines.map(([number, text]) => [number, plain(text)]));
  }

  /** Scrolls the active editor by whole lines (Ctrl+Down), leaving the cursor where it is. */
  async scrollDown(lines: number): Promise<void> {
    for (let line = 0; line < lines; line++) await this.press('Control+ArrowDown');
  }

  /**
   * The ghost text (inline suggestion) shown in the active editor, '' when
   * none: the part on the cursor's line, then the lines below (whose breaks
   * are not in the DOM).
   */
  async ghostText(): Promise<string> {
    const editor = this.activeEditor();
    const onCursorLine = (await editor.locator('.ghost-text-decoration').allTextContents()).join('');
    const below = (await editor.locator('.ghost-text').allTextContents()).join('');
    return plain(below ? `${onCursorLine}\n${below}` : onCursorLine);
  }

  /**
   * Waits for the inline suggestion (ghost text) to show each of `parts`. Typing
   * asks the providers; if none answered (the provider's extension was still
   * starting while the test typed), *Trigger Inline Suggestion* asks again.
   */
  async waitForGhostText(parts: readonly string[], timeoutMs = 60_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const what = `ghost text showing ${parts.map((part) => JSON.stringify(part)).join(' and ')}`;
    // The first answer can take seconds on a busy machine (the extension host is starting up).
    let patienceMs = 15_000;
    for (;;) {
      const ghost = await waitUntil(
        what,
        () => this.ghostText(),
        (text) => parts.every((part) => text.includes(part)),
        patienceMs,
      ).catch(() => undefined);
      patienceMs = 5_000;
      if (ghost !== undefined) return ghost;
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs / 1000} s; last seen: ${JSON.stringify(await this.ghostText())}`);
      this.log(`no ${what} yet: running Trigger Inline Suggestion`);
      await this.runCommand('Trigger Inline Suggestion');
    }
  }

  /** End-of-line texts painted by decorations (`::after` content), e.g. AI Provenance's warnings. */
  async decorationTexts(): Promise<string[]> {
    const texts = await this.activeEditor().evaluate((editor: PageElement) =>
      [...editor.querySelectorAll('.view-lines span')].flatMap((element) => {
        const content = (globalThis as unknown as PageGlobals).getComputedStyle(element, '::after').content;
        return content && content !== 'none' && content !== 'normal' ? [content] : [];
      }),
    );
    return texts.map(cssStringValue);
  }

  /** Line numbers whose gutter shows an icon whose URL contains `iconName` (e.g. 'gutter-ai'). */
  async linesWithGutterIcon(iconName: string): Promise<number[]> {
    return this.activeEditor().evaluate((editor: PageElement, name: string) => {
      const page = globalThis as unknown as PageGlobals;
      const numberAt = new Map(
        [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].map((element) => [
          element.parentElement!.style.top,
          Number(element.textContent),
        ]),
      );
      // Gutter icons are in the margin's line containers, or in the glyph margin's own layer.
      const icons = [...editor.querySelectorAll('.margin-view-overlays .cgmr, .glyph-margin-widgets .cgmr')].filter((element) =>
        page.getComputedStyle(element).backgroundImage.includes(name),
      );
      const numbers = icons
        .map((element) => numberAt.get(element.style.top || element.parentElement!.style.top))
        .filter((number): number is number => number !== undefined);
      return [...new Set(numbers)].sort((a, b) => a - b);
    }, iconName);
  }

  /** The code lenses shown above lines of the active editor. */
  codeLens(title: string): Locator {
    return this.activeEditor().locator('.contentWidgets .codelens-decoration a', { hasText: title }).first();
  }

  /** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its text. */
  async hoverAtCursor(mustContain: string): Promise<string> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: mustContain }).first();
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.press('Control+K');
      await this.press('Control+I');
      try {
        await hover.waitFor({ timeout: 10_000 });
        return plain(await hover.innerText());
      } catch {
        await this.press('Escape');
      }
    }
    throw new Error(`no hover containing "${mustContain}" at the cursor`);
  }

  // ---- status bar, views, panels

  /** The text of the status bar entry whose text contains `contains`, or undefined. */
  async statusBarText(contains: string): Promise<string | undefined> {
    const texts = await this.page.locator('.statusbar-item').allInnerTexts();
    const found = texts.map((text) => plain(text).trim()).find((text) => text.includes(contains));
    return found;
  }

  statusBarItem(contains: string): Locator {
    return this.page.locator('.statusbar-item', { hasText: contains }).first();
  }

  /** The rows of the tree in the side bar's view named `title`, as shown (label and description). */
  async viewRows(title: string): Promise<string[]> {
    const view = this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: title }) }).first();
    await view.waitFor();
    const rows = await view.locator('.monaco-list-row').allInnerTexts();
    return rows.map((row) => plain(row).replace(/\s+/g, ' ').trim());
  }

  /** The text of the terminal panel's visible rows (the DOM renderer: gpuAcceleration off). */
  async terminalText(): Promise<string> {
    const rows = await this.page.locator('.terminal-wrapper.active .xterm-rows > div').allTextContents();
    return plain(rows.join('\n'));
  }
}

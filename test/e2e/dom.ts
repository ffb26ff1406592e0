// The little of the DOM that functions evaluated in the workbench page use.
// The project compiles for Node without lib "dom"; these types describe what
// the page has. Functions passed to evaluate() run in the page: they may only
// use types from here, never values (reach the page's globals through
// `globalThis as unknown as PageGlobals`).
export interface PageElement {
  readonly textContent: string | null;
  readonly style: { readonly top: string };
  readonly parentElement: PageElement | null;
  readonly classList: { contains(name: string): boolean };
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  getAttribute(name: string): string | null;
}

export interface PageGlobals {
  getComputedStyle(element: PageElement, pseudoElement?: string): { readonly content: string; readonly backgroundImage: string };
  readonly navigator: { readonly clipboard: { writeText(text: string): Promise<void> } };
}

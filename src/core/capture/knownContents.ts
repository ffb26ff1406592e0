/**
 * The last text we knew each recently seen file to have on disk, bounded by
 * total size and entry count (least recently used first out). This is what
 * a disk change is compared with; a file that fell out (or was never seen)
 * is compared with its git index version instead, at a lower confidence.
 * Nothing is read ahead: entries come from files opened, saved or changed.
 */
export class KnownContents {
  private readonly texts = new Map<string, string>();
  private totalChars = 0;

  constructor(
    private readonly maxChars = 16 * 1024 * 1024,
    private readonly maxEntries = 2_000,
  ) {}

  get size(): number {
    return this.texts.size;
  }

  get(key: string): string | undefined {
    const text = this.texts.get(key);
    if (text === undefined) return undefined;
    // Re-insert: Map keeps insertion order, so the first key is the least recently used.
    this.texts.delete(key);
    this.texts.set(key, text);
    return text;
  }

  /** Looks without refreshing the entry's age. */
  peek(key: string): string | undefined {
    return this.texts.get(key);
  }

  set(key: string, text: string): void {
    this.delete(key);
    // A file larger than a quarter of the budget would evict everything else.
    if (text.length > this.maxChars / 4) return;
    this.texts.set(key, text);
    this.totalChars += text.length;
    while (this.totalChars > this.maxChars || this.texts.size > this.maxEntries) {
      const oldest = this.texts.keys().next().value as string;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const text = this.texts.get(key);
    if (text === undefined) return;
    this.texts.delete(key);
    this.totalChars -= text.length;
  }
}

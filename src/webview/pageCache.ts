/**
 * A cache of fixed-size pages of rows for the virtual table. Pages belong to one view (filter + sort +
 * index generation); changing the view drops them. Missing pages are fetched once (in-flight requests
 * are shared), the least recently used pages are evicted, and answers for an old view are ignored.
 */

/** Fetches `limit` rows at `offset` of the view `key`. */
export type PageFetcher<T> = (key: string, offset: number, limit: number) => Promise<{ total: number; rows: readonly T[] }>;

/** Page cache options. */
export interface PageCacheOptions {
  readonly pageSize: number;
  readonly maxPages: number;
}

/** Caches pages of one view at a time. */
export class PageCache<T> {
  private key = '';
  private readonly pages = new Map<number, readonly T[]>();
  private readonly inFlight = new Map<number, Promise<void>>();
  /** Total rows of the current view, as last reported by the host. */
  total = 0;

  constructor(private readonly fetch: PageFetcher<T>, private readonly options: PageCacheOptions) {}

  /** The current view key. */
  get viewKey(): string {
    return this.key;
  }

  /** Switches to view `key` (dropping every page) unless it is already current. */
  reset(key: string, total = 0): void {
    if (key === this.key) return;
    this.key = key;
    this.pages.clear();
    this.inFlight.clear();
    this.total = total;
  }

  /** Stores rows already fetched at `offset` for view `key` (e.g. the first page of a new query). */
  put(key: string, offset: number, rows: readonly T[], total: number): void {
    if (key !== this.key) return;
    this.total = total;
    const size = this.options.pageSize;
    for (let start = 0; start < rows.length; start += size) {
      const page = Math.floor((offset + start) / size);
      if ((offset + start) % size !== 0) continue;
      this.store(page, rows.slice(start, start + size));
    }
  }

  /** The row at `index` if its page is cached. */
  get(index: number): T | undefined {
    const page = Math.floor(index / this.options.pageSize);
    const rows = this.pages.get(page);
    if (!rows) return undefined;
    this.pages.delete(page);
    this.pages.set(page, rows);
    return rows[index - page * this.options.pageSize];
  }

  /** Loads every page touching rows [first, end); resolves true if anything new arrived for the current view. */
  async ensure(first: number, end: number): Promise<boolean> {
    const size = this.options.pageSize;
    const wanted: Promise<void>[] = [];
    for (let page = Math.floor(first / size); page * size < end; page++) {
      if (this.pages.has(page)) continue;
      wanted.push(this.inFlight.get(page) ?? this.load(page));
    }
    if (wanted.length === 0) return false;
    const key = this.key;
    await Promise.all(wanted);
    return key === this.key;
  }

  /** Number of pages held (for tests and memory bounds). */
  get size(): number {
    return this.pages.size;
  }

  private load(page: number): Promise<void> {
    const key = this.key;
    const size = this.options.pageSize;
    const p = this.fetch(key, page * size, size).then(
      (answer) => {
        if (key !== this.key) return;
        this.inFlight.delete(page);
        this.total = answer.total;
        this.store(page, answer.rows);
      },
      (error: unknown) => {
        if (key === this.key) this.inFlight.delete(page);
        throw error;
      },
    );
    this.inFlight.set(page, p);
    return p;
  }

  private store(page: number, rows: readonly T[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.options.maxPages) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
  }
}

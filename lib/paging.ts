// Paging of every list, once: the page size, the window of a requested page, the Page shape.

/** Rows per page of every list (agreements, graduates, units, messages, e-mails, drill-downs). */
export const PAGE_SIZE = 20;

export type Page<T> = { rows: T[]; total: number; page: number; pageSize: number; pages: number };

export type PageWindow = { page: number; pageSize: number; skip: number; take: number };

/** The window of page `page` (1-based; anything else means the first page). */
export function pageWindow(page: number | undefined, pageSize = PAGE_SIZE): PageWindow {
  const current = Number.isFinite(page) ? Math.max(1, Math.floor(page!)) : 1;
  return { page: current, pageSize, skip: (current - 1) * pageSize, take: pageSize };
}

export function pageOf<T>(rows: T[], total: number, w: PageWindow): Page<T> {
  return { rows, total, page: w.page, pageSize: w.pageSize, pages: Math.max(1, Math.ceil(total / w.pageSize)) };
}

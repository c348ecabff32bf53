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

/**
 * The rows of one page of a list whose rows carry relations (the student's name, the 专业…).
 * With relationJoins PostgreSQL builds every joined relation of every matching row before
 * ORDER BY … LIMIT: 待签约信息 over 2,000 waiting agreements spent 27 ms in the database for
 * its 20 rows. So the page is cut on the ids alone (`ids`: the list's filter, order and
 * window, selecting only `id`), then `rowsOf` reads those rows with their relations — under
 * the list's filter again, so a row that stopped matching in between is left out, never
 * shown — and they are put back in the page's order.
 */
export async function pageByIds<R extends { id: string }>(ids: Promise<{ id: string }[]>, rowsOf: (ids: string[]) => Promise<R[]>): Promise<R[]> {
  const order = (await ids).map((r) => r.id);
  if (order.length === 0) return [];
  const byId = new Map((await rowsOf(order)).map((r) => [r.id, r]));
  return order.flatMap((id) => byId.get(id) ?? []);
}

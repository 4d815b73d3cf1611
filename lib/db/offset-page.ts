/**
 * One page of an offset-paged list and its total: the page's rows and the count run together, and
 * a page past the end answers the last page (a bookmarked page 9 of a list that shrank to 3).
 */
export async function offsetPage<R>(
  page: number,
  size: number,
  count: () => Promise<number>,
  rowsOf: (offset: number, limit: number) => Promise<R[]>,
): Promise<{ rows: R[]; total: number; page: number }> {
  const [total, first] = await Promise.all([count(), rowsOf((page - 1) * size, size)]);
  const lastPage = Math.max(1, Math.ceil(total / size));
  if (page <= lastPage) return { rows: first, total, page };
  return { rows: total ? await rowsOf((lastPage - 1) * size, size) : [], total, page: lastPage };
}

/** The path (and query) of a page on the old site: what its old links and bookmarks ask for. */
export function oldPathOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.pathname}${parsed.search}`
}

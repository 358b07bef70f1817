/** One page of every type the default theme renders, in the demo site. */
export function PAGE_TYPES(seedPath: string): Record<string, string> {
  return {
    home: 'index.html',
    list: 'xwzx/ynyw/index.html',
    archive: 'xwzx/ynyw/index_1.html',
    page: 'jggk/byjj/index.html',
    article: seedPath,
    print: seedPath.replace('.html', '_print.html'),
    search: 'search.html',
    notFound: '404.html',
    siteMap: 'sitemap.html',
  }
}

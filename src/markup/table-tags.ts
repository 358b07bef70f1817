/** The elements of a table, which the allow-list keeps and whose rows and cells grow to fit. */
export const TABLE_TAGS = ['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td']

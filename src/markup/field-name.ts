/** A custom field's name: also how templates and queries name it (`newest_where: 'category'`), so it stays plain. */
export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/

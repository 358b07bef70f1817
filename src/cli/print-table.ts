import stringWidth from 'string-width'

/**
 * Prints rows as aligned columns. Widths count display cells, so Chinese text (two cells
 * a character) lines up with Latin text.
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cells = [headers, ...rows].map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))),
  )
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => stringWidth(row[i] ?? ''))))
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) =>
        i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - stringWidth(cell)),
      )
      .join('  ')
      .trimEnd()
  const [head, ...body] = cells
  return [line(head ?? []), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`)
}

export function print(text: string): void {
  process.stdout.write(`${text}\n`)
}

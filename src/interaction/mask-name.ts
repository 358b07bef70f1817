/**
 * A name as the public site may show it: the family name and a star for each other character
 * (王小明 → 王**). Latin names keep their first letter. Empty stays empty.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()]
  if (characters.length === 0) return ''
  const [first] = characters
  return `${first}${'*'.repeat(Math.max(1, characters.length - 1))}`
}

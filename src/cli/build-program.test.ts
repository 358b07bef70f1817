import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { describe, expect, it } from 'vitest'
import { buildProgram, COMMAND_NAMES } from './build-program.ts'
import { cliReference } from './cli-reference.ts'

function leafCommands(command: Command, prefix = ''): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`
    return sub.commands.length > 0 ? leafCommands(sub, `${name} `) : [name]
  })
}

describe('the CLI reference', () => {
  it('is the commands’ current help text (run `npm run docs:cli` after changing a command)', async () => {
    const reference = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8')
    expect(reference).toBe(await cliReference())
  })

  it('gives every command the --data option', async () => {
    const program = await buildProgram()
    const leaves = leafCommands(program)
    expect(leaves.length).toBeGreaterThan(20)
    const missing = leaves.filter((name) => {
      const command = name
        .split(' ')
        .reduce<Command | undefined>((at, part) => at?.commands.find((c) => c.name() === part), program)
      return !command?.options.some((option) => option.long === '--data')
    })
    expect(missing).toEqual([])
  })

  it('loads only the command it is asked for, and lists every command by the name it loads', async () => {
    const all = await buildProgram()
    expect(all.commands.map((command) => command.name())).toEqual(COMMAND_NAMES)
    for (const name of COMMAND_NAMES) {
      const one = await buildProgram(['node', 'fabu', name, '--help'])
      expect(one.commands.map((command) => command.name())).toContain(name)
      expect(one.commands.length).toBeLessThanOrEqual(2)
    }
    // A name that is no command gets every command, so commander can say what there is.
    expect((await buildProgram(['node', 'fabu', 'pubish'])).commands).toHaveLength(COMMAND_NAMES.length)
  })
})

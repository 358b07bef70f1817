import type { Command } from 'commander'
import { buildProgram } from './build-program.ts'

const PREAMBLE = `# CLI reference / 命令参考

Run the CLI through npm so it uses the project's Node.js 24: \`npm run fabu -- <command>\`
(or \`npx fabu <command>\`). Every command takes \`--data <dir>\` (default \`./data\`), the data
folder; \`DATABASE_URL\` in the environment selects PostgreSQL. Listing and showing commands
print tables by default and JSON with \`--json\`. On bad input a command prints one line,
\`fabu: CODE: 中文 / English\`, and exits with status 1 ([error codes](errors.md));
\`fabu audit verify\` exits with 3 when the audit log was tampered with, \`fabu publish\` with 2
when a page failed to render.

Files given to a command (\`--body-file\`, \`--fields-file\`) are read as UTF-8; a file in GBK or
Big5 needs \`--encoding gbk\` (or \`gb18030\`, \`big5\`). Bytes that are not valid in the encoding
are refused with \`INVALID_ENCODING\`, naming the file, rather than saved as replacement characters.

Columns can be named by id or by path (\`jcdj/jswm\`); \`--site\` (id or slug) may be left out
while the installation has exactly one site.

The sections below are the commands' own \`--help\` text (\`npm run docs:cli\` writes this file).
`

/** docs/cli.md: every command's help, generated so the reference cannot drift from the code. */
export async function cliReference(): Promise<string> {
  const program = await buildProgram()
  program.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 })
  const sections = [section('fabu', program)]
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      const name = `${prefix} ${sub.name()}`
      sub.configureOutput({ getOutHelpWidth: () => 100, getErrHelpWidth: () => 100 })
      if (sub.commands.length > 0) walk(sub, name)
      else sections.push(section(name, sub))
    }
  }
  walk(program, 'fabu')
  return `${PREAMBLE}\n${sections.join('\n')}`
}

function section(name: string, command: Command): string {
  const help = command
    .helpInformation()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd()
  return `## ${name}\n\n\`\`\`\n${help}\n\`\`\`\n`
}

import type { Command } from 'commander'
import { ValidationError } from '../../errors/index.ts'
import {
  type Case,
  caseStatusLabels,
  disclosureReportCsv,
  disclosureReportRows,
  mailboxKinds,
} from '../../interaction/index.ts'
import { withApp } from '../open-app.ts'
import { list, positiveInt, withCommonOptions } from '../options.ts'
import { formatTable, print, printJson } from '../print-table.ts'
import { resolveSite } from './resolve-refs.ts'

const URGENCY_LABELS: Readonly<Record<string, string>> = {
  overdue: '已超期 overdue',
  'due-soon': '将到期 due soon',
  'on-time': '',
  paused: '补正中 paused',
}

function dueOf(item: Case): string {
  return item.deadline.state === 'running' ? item.deadline.dueDay : `（停表 ${item.deadline.daysLeft} 日）`
}

export function registerCase(program: Command): void {
  const cases = program
    .command('case')
    .description('政民互动：来信与依申请公开 / letters and applications of the public')

  withCommonOptions(
    cases
      .command('list')
      .description('来信与申请，新的在前，含办理期限 / cases, newest first, with their deadlines')
      .option('--site <site>', '站点 ID 或代号 / site id or slug')
      .option('--box <mailbox>', '信箱 ID 或代号 / mailbox id or slug')
      .option('--overdue', '只看已超期的 / only overdue cases'),
  ).action(
    async (options: { data: string; json?: boolean; site?: string; box?: string; overdue?: boolean }) => {
      await withApp(options.data, async ({ content, interaction, operator }) => {
        const site = options.site || options.box ? await resolveSite(content, options.site) : undefined
        const desk = interaction.as(operator)
        let mailboxId: number | undefined
        if (options.box && site) {
          const box = (await desk.mailboxes.list(site.id)).find(
            (mailbox) => mailbox.slug === options.box || String(mailbox.id) === options.box,
          )
          if (!box) throw new ValidationError('--box', `没有信箱 ${options.box}`, `no mailbox ${options.box}`)
          mailboxId = box.id
        }
        const found = await desk.cases.list({ siteId: site?.id, mailboxId, isOverdue: options.overdue })
        if (options.json) return printJson(found)
        print(
          formatTable(
            ['ID', '查询码 code', '状态 status', '受理 received', '期限 due', '', '标题 subject'],
            found.map((item) => [
              item.id,
              item.queryCode,
              caseStatusLabels[item.status],
              item.receivedDay,
              dueOf(item),
              URGENCY_LABELS[item.urgency ?? ''] ?? '',
              item.subject,
            ]),
          ),
        )
      })
    },
  )

  withCommonOptions(
    cases
      .command('show <id>')
      .description(
        '一件来信或申请；个人信息须加 --personal，且记入审计日志 / one case; personal data only with --personal, audited',
      )
      .option(
        '--personal',
        '显示姓名、电话、邮箱、证件号（记入审计）/ show name, phone, e-mail, ID number (audited)',
      ),
  ).action(async (id: string, options: { data: string; json?: boolean; personal?: boolean }) => {
    const caseId = positiveInt(id)
    await withApp(options.data, async ({ interaction, operator }) => {
      const desk = interaction.as(operator)
      const found = await desk.cases.get(caseId)
      const personal = options.personal ? await desk.cases.personal(caseId) : undefined
      if (options.json) return printJson(personal ? { ...found, personal } : found)
      const rows: unknown[][] = [
        ['ID', found.id],
        ['查询码 code', found.queryCode],
        ['状态 status', caseStatusLabels[found.status]],
        ['受理 received', found.receivedAt],
        ['期限 due', `${dueOf(found)} ${URGENCY_LABELS[found.urgency ?? ''] ?? ''}`.trim()],
        ['来信人 sender', found.nameMasked],
        ['标题 subject', found.subject],
        ['内容 content', found.content],
        ['承办 department', found.department ?? ''],
        ['答复 reply', found.reply ?? ''],
      ]
      if (personal) {
        rows.push(
          ['姓名 name', personal.name ?? ''],
          ['电话 phone', personal.phone ?? ''],
          ['邮箱 e-mail', personal.email ?? ''],
          ['证件号 ID number', personal.idNumber ?? ''],
        )
      }
      print(formatTable(['字段 field', '值 value'], rows))
    })
  })

  withCommonOptions(
    cases
      .command('erase-expired')
      .description(
        '清除超过保存期限的个人信息（来信与答复保留）/ erase personal data kept past its retention; cases and replies stay',
      ),
  ).action(async (options: { data: string; json?: boolean }) => {
    await withApp(options.data, async ({ interaction, operator }) => {
      const result = await interaction.as(operator).cases.eraseExpiredPersonalData()
      if (options.json) return printJson(result)
      print(`已清除 ${result.erased} 件的个人信息 / personal data erased from ${result.erased} cases`)
    })
  })

  withCommonOptions(
    cases
      .command('remind')
      .description(
        '把已超期和即将到期的来信邮件告知各信箱的通知地址（可每日定时运行）/ e-mail each mailbox its overdue and nearly due cases (run daily)',
      ),
  ).action(async (options: { data: string; json?: boolean }) => {
    await withApp(options.data, async ({ interaction, operator, config }) => {
      const result = await interaction.as(operator).cases.remindDue()
      await interaction.settled()
      if (options.json) return printJson({ ...result, isSmtpConfigured: config.smtp !== null })
      print(
        `${result.cases} 件，${result.mailboxes} 个信箱 / ${result.cases} cases in ${result.mailboxes} mailboxes`,
      )
      if (!config.smtp) print('未配置 [smtp]，没有发送邮件 / no [smtp] section: nothing was sent')
    })
  })

  withCommonOptions(
    cases
      .command('report')
      .description(
        '依申请公开年度统计，供政府信息公开工作年度报告 / the yearly figures of applications for the annual report',
      )
      .requiredOption('--year <year>', '年份 / year', positiveInt)
      .option('--site <site>', '站点 ID 或代号 / site id or slug')
      .option('--csv', '输出 CSV / print CSV'),
  ).action(async (options: { data: string; json?: boolean; csv?: boolean; site?: string; year: number }) => {
    await withApp(options.data, async ({ content, interaction, operator }) => {
      const site = await resolveSite(content, options.site)
      const report = await interaction.as(operator).cases.disclosureReport(site.id, options.year)
      if (options.json) return printJson(report)
      if (options.csv) return process.stdout.write(disclosureReportCsv(report))
      print(formatTable(['项目 item', '数量 count'], disclosureReportRows(report)))
    })
  })

  withCommonOptions(
    cases
      .command('add-box')
      .description('新建信箱 / create a mailbox')
      .requiredOption('--name <name>', '名称，如 院长信箱 / name')
      .requiredOption('--slug <slug>', '代号，用于表单地址 /_fabu/letters/<slug> / slug in the form URL')
      .requiredOption('--kind <kind>', `类型 / kind: ${mailboxKinds.join(', ')}`)
      .option('--site <site>', '站点 ID 或代号 / site id or slug')
      .option('--categories <list>', '类别，逗号分隔 / categories, comma-separated', list)
      .option('--deadline-days <n>', '办理期限（工作日）/ deadline in working days', positiveInt)
      .option('--publish-answers', '公开已答复的来信 / publish answered letters'),
  ).action(
    async (options: {
      data: string
      json?: boolean
      site?: string
      name: string
      slug: string
      kind: string
      categories?: string[]
      deadlineDays?: number
      publishAnswers?: boolean
    }) => {
      await withApp(options.data, async ({ content, interaction, operator }) => {
        const site = await resolveSite(content, options.site)
        const mailbox = await interaction.as(operator).mailboxes.create({
          siteId: site.id,
          slug: options.slug,
          name: options.name,
          kind: options.kind as (typeof mailboxKinds)[number],
          categories: options.categories ?? [],
          publishesAnswers: options.publishAnswers ?? false,
          ...(options.deadlineDays ? { deadlineDays: options.deadlineDays } : {}),
        })
        if (options.json) return printJson(mailbox)
        print(`已创建信箱 / mailbox created: ${mailbox.id} ${mailbox.name} → /_fabu/letters/${mailbox.slug}`)
      })
    },
  )
}

import type { Principal } from '../content/index.ts'
import type { Interaction, Mailbox } from '../interaction/index.ts'

/** The demo's 院长信箱 and 依申请公开, linked from its 互动交流 page; made once, found after. */
export async function ensureDemoMailboxes(
  interaction: Interaction,
  principal: Principal,
  siteId: number,
): Promise<readonly Mailbox[]> {
  const desk = interaction.as(principal)
  const existing = await desk.mailboxes.list(siteId)
  const wanted = [
    {
      siteId,
      slug: 'yzxx',
      name: '院长信箱',
      kind: 'consultation' as const,
      categories: ['检定校准', '检测服务', '收费', '其他'],
      departments: ['院办公室', '客户服务中心', '质量管理部'],
      publishesAnswers: true,
    },
    { siteId, slug: 'ysqgk', name: '依申请公开', kind: 'disclosure' as const, departments: ['院办公室'] },
  ]
  const mailboxes: Mailbox[] = []
  for (const input of wanted) {
    mailboxes.push(
      existing.find((mailbox) => mailbox.slug === input.slug) ?? (await desk.mailboxes.create(input)),
    )
  }
  return mailboxes
}

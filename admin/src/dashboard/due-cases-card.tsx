import { useQuery } from '@tanstack/react-query'
import { Card, Tag } from 'antd'
import { useEffect } from 'react'
import type { DueCases } from '../api-types.gen.ts'
import { useI18n } from '../i18n.tsx'

/**
 * 政民互动's cases past or near their due day (检查指标: a letter left unanswered fails the whole
 * site). Users who handle no mailbox get two empty lists and see the card empty.
 */
export function DueCasesCard({
  siteId,
  refreshKey,
}: {
  readonly siteId: number
  readonly refreshKey: number
}) {
  const { t } = useI18n()
  // A refusal (no mailbox handled) shows the card empty.
  const { data: due, refetch } = useQuery<DueCases>({
    queryKey: [`/api/sites/${siteId}/cases/due`],
  })
  useEffect(() => {
    if (refreshKey > 0) void refetch()
  }, [refreshKey, refetch])
  const rows = [
    ...(due?.overdue ?? []).map((item) => ({ item, urgency: 'overdue' as const })),
    ...(due?.dueSoon ?? []).map((item) => ({ item, urgency: 'due-soon' as const })),
  ]
  return (
    <Card
      className="section-card dashboard-card"
      title={
        <h3 id="due-cases-title" className="card-title">
          {t('dueCasesTitle')}
        </h3>
      }
    >
      {rows.length === 0 ? (
        <p className="dashboard-empty">{t('dueCasesEmpty')}</p>
      ) : (
        <ul aria-labelledby="due-cases-title">
          {rows.map(({ item, urgency }) => (
            <li key={item.id}>
              <Tag color={urgency === 'overdue' ? 'red' : 'orange'}>{t(`urgency.${urgency}`)}</Tag>
              <span className="dashboard-item-title">
                #{item.id} {item.subject}
              </span>{' '}
              {item.deadline.state === 'running' ? item.deadline.dueDay : ''}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

import { App, Button, Divider, Modal, Typography } from 'antd'
import { useState } from 'react'
import { api } from '../api.ts'
import { useI18n } from '../i18n.tsx'
import type { Grant, SessionView, Site } from '../types.ts'
import type { UserAccount } from './admin-types.ts'
import { useErrorText } from './error-alert.tsx'
import { GrantForm } from './grant-form.tsx'
import { grantLabel } from './grant-label.ts'
import { useConfirm } from './use-confirm.tsx'

export interface GrantsModalProps {
  readonly session: SessionView
  readonly user: UserAccount
  readonly sites: readonly Site[]
  /** The account as the server answered after a grant or a revocation. */
  onChanged(user: UserAccount): void
  onClose(): void
}

/** A user's grants: each can be revoked (after confirmation), and new ones added. */
export function GrantsModal({ session, user, sites, onChanged, onClose }: GrantsModalProps) {
  const { t } = useI18n()
  const { message } = App.useApp()
  const errorText = useErrorText()
  const confirm = useConfirm()
  const [current, setCurrent] = useState(user)

  function changed(next: UserAccount, text: string) {
    setCurrent(next)
    onChanged(next)
    message.success(text)
  }

  function revoke(grant: Grant) {
    const label = grantLabel(grant, sites, t)
    confirm({
      title: t('revokeConfirm', { grant: label, name: current.userName }),
      content: t('grantChangeEndsSessions'),
      okText: t('revoke'),
      async onOk() {
        try {
          changed(await api<UserAccount>('DELETE', `/api/grants/${grant.id}`), t('revoked'))
        } catch (caught) {
          message.error(errorText(caught))
        }
      },
    })
  }

  return (
    <Modal
      open
      title={t('grantsOf', { name: current.userName })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('close')}</Button>}
      width={560}
    >
      <h3 className="manifest-title">{t('currentGrants')}</h3>
      {current.grants.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('noGrants')}</Typography.Paragraph>
      ) : (
        <ul className="grant-list">
          {current.grants.map((grant) => {
            const label = grantLabel(grant, sites, t)
            return (
              <li key={grant.id} className="grant-item">
                <span>{label}</span>
                <Button
                  size="small"
                  danger
                  onClick={() => revoke(grant)}
                  aria-label={t('revokeGrant', { grant: label })}
                >
                  {t('revoke')}
                </Button>
              </li>
            )
          })}
        </ul>
      )}
      <Divider />
      <h3 className="manifest-title">{t('addGrant')}</h3>
      <Typography.Paragraph type="secondary">{t('grantChangeEndsSessions')}</Typography.Paragraph>
      <GrantForm
        session={session}
        user={current}
        sites={sites}
        onGranted={(next) => changed(next, t('granted'))}
      />
    </Modal>
  )
}

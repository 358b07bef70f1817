import { Form, Input } from 'antd'
import { type MessageKey, useI18n } from '../i18n.tsx'

export interface NameAndSlugFieldsProps {
  readonly nameLabel: MessageKey
  readonly slugLabel: MessageKey
}

/**
 * The name and URL name (路径名) of a column or a 专题, in a form with `name` and `slug`
 * fields: checked here as the server checks a column's, so the dialog says what is wrong first.
 */
export function NameAndSlugFields({ nameLabel, slugLabel }: NameAndSlugFieldsProps) {
  const { t } = useI18n()
  return (
    <>
      <Form.Item name="name" label={t(nameLabel)} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="slug"
        label={t(slugLabel)}
        extra={t('columns.slugHelp')}
        rules={[
          { required: true },
          { pattern: /^[a-z0-9][a-z0-9_-]{0,62}$/, message: t('columns.slugRule') },
        ]}
      >
        <Input autoComplete="off" />
      </Form.Item>
    </>
  )
}

import type { FormInstance } from 'antd'
import { ApiFailure } from '../api.ts'

/**
 * Puts a validation failure the server names a field for on that field of the form
 * (`password：密码至少 8 位` shows under the password, without the field's key).
 * Returns false when the failure belongs to no field of the form.
 */
export function showFieldError(form: FormInstance, error: unknown, fields: readonly string[]): boolean {
  if (!(error instanceof ApiFailure) || !error.field || !fields.includes(error.field)) return false
  const prefix = new RegExp(`^${error.field}\\s*[：:]\\s*`)
  form.setFields([{ name: error.field, errors: [error.message.replace(prefix, '')] }])
  return true
}

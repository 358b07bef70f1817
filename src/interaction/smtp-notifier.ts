import type { Notice, Notifier } from './notifier.ts'

export interface SmtpSettings {
  readonly host: string
  readonly port: number
  readonly security: 'starttls' | 'tls' | 'none'
  readonly user: string | null
  readonly password: string | null
  readonly from: string
}

/** Sends notices through the installation's SMTP server (the `[smtp]` section of fabu.toml). */
export function createSmtpNotifier(settings: SmtpSettings): Notifier {
  // Made when the first notice is sent: every fabu command opens the notifier, few send mail,
  // and nodemailer need not be loaded by the others.
  const connect = async () => {
    const { default: nodemailer } = await import('nodemailer')
    return nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.security === 'tls',
      requireTLS: settings.security === 'starttls',
      ignoreTLS: settings.security === 'none',
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    })
  }
  let transport: ReturnType<typeof connect> | undefined
  return {
    async send(notice: Notice) {
      transport ??= connect()
      await (await transport).sendMail({
        from: settings.from,
        to: [...notice.to],
        subject: notice.subject,
        text: notice.text,
      })
    },
  }
}

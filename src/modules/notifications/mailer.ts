import nodemailer, { type Transporter } from 'nodemailer'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'
import type { MessageAttachment } from './notifications.table.ts'

export interface OutgoingMail {
  deliveryId: string
  to: string
  subject: string
  text: string
  attachments?: readonly MessageAttachment[]
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** The delivery id travels as the Message-ID, so a resend after a crash is recognisable downstream. */
export function messageIdFor(deliveryId: string): string {
  return `<${deliveryId}@lingshi>`
}

/** SMTP connections kept open and shared by concurrent sends (the relay may limit them further). */
const MAX_CONNECTIONS = 8

function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: MAX_CONNECTIONS,
    maxMessages: 1_000,
    // Well under the delivery lease: a stuck server must not hold a batch past it.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: messageIdFor(mail.deliveryId),
        headers: { 'X-Lingshi-Delivery': mail.deliveryId },
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                content: a.content,
                contentType: a.contentType,
              })),
            }
          : {}),
      })
    },
    close: () => transport.close(),
  }
}

/** Keeps mail in the database instead of sending it (no SMTP server configured: the embedded demo). */
function capturingMailer(ctx: AppContext): Mailer {
  return {
    async send(mail) {
      await ctx.db
        .insertInto('captured_mail')
        .values({
          id: uuidv7(),
          delivery_id: mail.deliveryId,
          message_id_header: messageIdFor(mail.deliveryId),
          recipient: mail.to,
          subject: mail.subject,
          body: mail.text,
          attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
        })
        .onConflict((oc) => oc.column('delivery_id').doNothing())
        .execute()
    },
    close: () => {},
  }
}

export function createMailer(ctx: AppContext): Mailer {
  return ctx.config.smtpUrl ? smtpMailer(ctx.config.smtpUrl, ctx.config.mailFrom) : capturingMailer(ctx)
}

import nodemailer, { type Transporter } from 'nodemailer'
import { uuidv7 } from 'uuidv7'
import type { AppContext } from '../../context.ts'

export interface OutgoingMail {
  deliveryId: string
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/** The delivery id travels as the Message-ID, so a resend after a crash is recognisable downstream. */
export function messageIdFor(deliveryId: string): string {
  return `<${deliveryId}@lingshi>`
}

function smtpMailer(url: string, from: string): Mailer {
  const transport: Transporter = nodemailer.createTransport(url)
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: messageIdFor(mail.deliveryId),
        headers: { 'X-Lingshi-Delivery': mail.deliveryId },
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

/**
 * Mailer on Amazon SES (API v2, SendEmail with Simple content: a plain-text and an HTML part). Locally the same
 * SDK call goes to the SES v2 stand-in `npm start` runs (local/ses-local.ts), through SES_ENDPOINT.
 * The configuration set (on AWS) publishes delivery and bounce events to EventBridge (record-email-events.ts).
 * The SDK retries throttling and 5xx answers itself; what still fails is thrown, so the stream retries the record.
 */
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer, OutgoingEmail } from '#domain/notifications';

/** The plain-text part: the same words as the HTML part, in the same order. */
export function plainText(email: OutgoingEmail): string {
  return [
    ...email.paragraphs,
    ...(email.quote ? [email.quote.replace(/^/gm, '> ')] : []),
    ...(email.code ? [`${email.codeLabel ?? ''} ${email.code}`.trim()] : []),
    ...(email.codes ?? []).map((item) => `${item.label}: ${item.code}\n${item.href}`),
    `${email.link.label}: ${email.link.href}`,
    '--',
    ...(email.preferencesLink ? [`${email.preferencesLink.label}: ${email.preferencesLink.href}`] : []),
    email.footer,
  ].join('\n\n');
}

/** The HTML part, rendered by preact: loaded on the first e-mail, so the notifier's start-up does not carry it. */
export async function htmlOf(email: OutgoingEmail): Promise<string> {
  const { emailHtml } = await import('./email-html.ts');
  return emailHtml(email);
}

export interface SesMailerOptions {
  from: string;
  configurationSet?: string | undefined;
  endpoint?: string | undefined;
  maxAttempts?: number;
}

export function sesMailer(options: SesMailerOptions): Mailer {
  const client = new SESv2Client({
    ...(options.endpoint && { endpoint: options.endpoint }),
    maxAttempts: options.maxAttempts ?? 3,
  });
  return {
    async send(email, reference) {
      const result = await client.send(
        new SendEmailCommand({
          FromEmailAddress: options.from,
          Destination: { ToAddresses: [email.to] },
          Content: {
            Simple: {
              Subject: { Data: email.subject, Charset: 'UTF-8' },
              Body: {
                Text: { Data: plainText(email), Charset: 'UTF-8' },
                Html: { Data: await htmlOf(email), Charset: 'UTF-8' },
              },
            },
          },
          // Tags reach SES's events; only an id, never personal data.
          EmailTags: [{ Name: 'entry', Value: reference.entryId }],
          ...(options.configurationSet && { ConfigurationSetName: options.configurationSet }),
        }),
      );
      if (!result.MessageId) throw new Error('SES answered SendEmail without a MessageId');
      return { messageId: result.MessageId };
    },
  };
}

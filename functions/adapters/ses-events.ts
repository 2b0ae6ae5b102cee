/** SES's event records (configuration set → EventBridge) in the neutral terms of domain/notifications.ts. */
import type { EmailEvent } from '#domain/notifications';

/** The part of SES's event record this function reads (docs: "Contents of event data that Amazon SES publishes"). */
export interface SesEventDetail {
  eventType: string;
  mail: { messageId: string; timestamp: string; destination?: string[] };
  delivery?: { timestamp: string; recipients?: string[] };
  bounce?: { timestamp: string; bounceType?: string; bouncedRecipients?: { emailAddress: string }[] };
  complaint?: { timestamp: string; complainedRecipients?: { emailAddress: string }[] };
}

/** SES's event in neutral terms, or undefined for the kinds the timeline does not record (send, open, click…). */
export function emailEventOf(detail: SesEventDetail): EmailEvent | undefined {
  if (detail.eventType === 'Delivery')
    return {
      kind: 'delivered',
      messageId: detail.mail.messageId,
      at: detail.delivery?.timestamp ?? detail.mail.timestamp,
      ...withRecipients(detail.delivery?.recipients ?? detail.mail.destination ?? []),
    };
  if (detail.eventType === 'Bounce')
    return {
      kind: 'bounced',
      messageId: detail.mail.messageId,
      at: detail.bounce?.timestamp ?? detail.mail.timestamp,
      ...(detail.bounce?.bounceType && { bounceType: detail.bounce.bounceType }),
      ...withRecipients((detail.bounce?.bouncedRecipients ?? []).map((r) => r.emailAddress)),
    };
  if (detail.eventType === 'Complaint')
    return {
      kind: 'complained',
      messageId: detail.mail.messageId,
      at: detail.complaint?.timestamp ?? detail.mail.timestamp,
      ...withRecipients((detail.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress)),
    };
  return undefined;
}

const withRecipients = (recipients: string[]) => (recipients.length > 0 ? { recipients } : {});

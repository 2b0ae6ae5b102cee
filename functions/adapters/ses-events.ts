/** SES's event records (configuration set → EventBridge) in the neutral terms of domain/notifications.ts. */
import type { EmailEvent } from '#domain/notifications';

/** The part of SES's event record this function reads (docs: "Contents of event data that Amazon SES publishes"). */
export interface SesEventDetail {
  eventType: string;
  mail: { messageId: string; timestamp: string };
  delivery?: { timestamp: string };
  bounce?: { timestamp: string; bounceType?: string };
}

/** SES's event in neutral terms, or undefined for the kinds the timeline does not record (send, open, click…). */
export function emailEventOf(detail: SesEventDetail): EmailEvent | undefined {
  if (detail.eventType === 'Delivery')
    return { kind: 'delivered', messageId: detail.mail.messageId, at: detail.delivery?.timestamp ?? detail.mail.timestamp };
  if (detail.eventType === 'Bounce')
    return {
      kind: 'bounced',
      messageId: detail.mail.messageId,
      at: detail.bounce?.timestamp ?? detail.mail.timestamp,
      ...(detail.bounce?.bounceType && { bounceType: detail.bounce.bounceType }),
    };
  return undefined;
}

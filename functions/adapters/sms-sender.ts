/**
 * Texts through AWS End User Messaging SMS (the `pinpoint-sms-voice-v2` API, SendTextMessage: one recipient per
 * call). On AWS the origination identity is the agency's phone number or pool (agency.config.json →
 * notifications.sms.originationIdentity); locally the same SDK call goes to the stand-in `npm start` runs
 * (local/sms-local.ts) through SMS_ENDPOINT. Transactional: these are about the person's own application.
 * The SDK retries throttling and 5xx answers itself; what still fails is thrown, so the stream retries the record.
 */
import { PinpointSMSVoiceV2Client, SendTextMessageCommand } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { TextSender } from '#domain/sms';

export interface SmsSenderOptions {
  originationIdentity: string;
  configurationSet?: string | undefined;
  endpoint?: string | undefined;
  maxAttempts?: number;
}

export function smsSender(options: SmsSenderOptions): TextSender {
  const client = new PinpointSMSVoiceV2Client({
    ...(options.endpoint && { endpoint: options.endpoint }),
    maxAttempts: options.maxAttempts ?? 3,
  });
  return {
    async send(text, reference) {
      const result = await client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: text.to,
          OriginationIdentity: options.originationIdentity,
          MessageBody: text.body,
          MessageType: 'TRANSACTIONAL',
          // Context reaches the service's events; only an id, never personal data.
          Context: { entry: reference.entryId },
          ...(options.configurationSet && { ConfigurationSetName: options.configurationSet }),
        }),
      );
      if (!result.MessageId) throw new Error('End User Messaging answered SendTextMessage without a MessageId');
      return { messageId: result.MessageId };
    },
  };
}

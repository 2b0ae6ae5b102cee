/**
 * A text a person sent to the agency's number (two-way SMS) and the one reply it gets (sms.ts parses the command):
 * STOP records the opt-out before answering, START removes it, HELP and anything unreadable get the help text,
 * `STATUS <code>` gets the case's status and date, as the anonymous status page shows them (a code is the key to
 * that page already, so the number it comes from does not matter). A `STATUS` answer is on the case's timeline
 * (the question in, the answer out); the other commands concern a number, not a case, and write no entry.
 * The same inbound message delivered twice (SNS is at-least-once) is answered once.
 */
import { formatDate, translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { type OptOutStore, parseSmsCommand, type SmsCommand, type TextSender } from './sms.ts';
import type { Submission } from './submissions.ts';
import { type EntryDeps, type TimelineEntry, timelineEntry } from './timeline.ts';

/** An inbound text as End User Messaging publishes it to SNS (docs: "two-way SMS message payload"). */
export interface InboundText {
  originationNumber: string;
  destinationNumber: string;
  messageBody: string;
  inboundMessageId: string;
  messageKeyword?: string;
  previousPublishedMessageId?: string;
}

export interface InboundDeps extends EntryDeps {
  strings: Strings;
  optOuts: OptOutStore;
  texts: TextSender;
  inbound: { answered(id: string): Promise<boolean>; markAnswered(id: string, now: Date): Promise<void> };
  findByCode(code: string): Promise<Submission | undefined>;
  serviceTitle(serviceId: string, locale: Locale): string | undefined;
  statusUrl(code: string, locale: Locale): string;
  /** Writes the entries of a STATUS question and its answer (one transaction). */
  record(entries: TimelineEntry[]): Promise<void>;
}

export type InboundOutcome = SmsCommand['kind'] | 'duplicate' | 'not-found';

/** The reply a command gets (undefined: none). */
export async function answerInboundText(text: InboundText, deps: InboundDeps): Promise<InboundOutcome> {
  if (await deps.inbound.answered(text.inboundMessageId)) return 'duplicate';
  const command = parseSmsCommand(text.messageBody);
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(deps.strings, key, command.locale, { site: translate(deps.strings, 'site.name', command.locale), ...params });
  const now = deps.now();
  const reply = async (body: string) => {
    await deps.texts.send({ to: text.originationNumber, body }, { entryId: `inbound-${text.inboundMessageId}` });
  };
  let outcome: InboundOutcome = command.kind;
  switch (command.kind) {
    case 'stop':
      // The opt-out first: if the confirmation fails to go, the number is still opted out.
      await deps.optOuts.optOut(text.originationNumber, now.toISOString());
      await reply(t('sms.reply.stop'));
      break;
    case 'start':
      await deps.optOuts.optIn(text.originationNumber);
      await reply(t('sms.reply.start'));
      break;
    case 'status': {
      const found = await deps.findByCode(command.code);
      if (!found) {
        outcome = 'not-found';
        await reply(t('sms.reply.notFound', { code: command.code }));
        break;
      }
      const locale = command.locale;
      const body = t('sms.reply.status', {
        code: found.code,
        service: deps.serviceTitle(found.serviceId, locale) ?? found.serviceId,
        status: translate(deps.strings, `status.${found.status}`, locale),
        date: formatDate(found.updatedAt, locale),
        url: deps.statusUrl(found.code, locale),
      });
      await reply(body);
      const about = {
        channel: 'sms' as const,
        agency: found.agency,
        caseCode: found.code,
        serviceId: found.serviceId,
        ...(found.ownerSubject && { person: found.ownerSubject }),
      };
      await deps.record([
        timelineEntry(
          {
            ...about,
            kind: 'contact',
            direction: 'in',
            actor: 'citizen',
            summary: 'Asked for the status by text',
            occurredAt: now.toISOString(),
          },
          { ...deps, newId: () => `sms-in-${text.inboundMessageId}` },
        ),
        timelineEntry(
          {
            ...about,
            kind: 'notification-sent',
            direction: 'out',
            actor: 'system',
            summary: 'Text sent: the status',
            occurredAt: now.toISOString(),
          },
          { ...deps, newId: () => `sms-out-${text.inboundMessageId}` },
        ),
      ]);
      break;
    }
    default:
      await reply(t(command.kind === 'status-mistyped' ? 'sms.reply.statusMistyped' : 'sms.reply.help'));
  }
  await deps.inbound.markAnswered(text.inboundMessageId, now);
  return outcome;
}

/** Reads the SNS message of an inbound text; undefined for anything else (the topic carries only these). */
export function inboundTextOf(message: string): InboundText | undefined {
  let data: unknown;
  try {
    data = JSON.parse(message);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { originationNumber, destinationNumber, messageBody, inboundMessageId } = data as Record<string, unknown>;
  if (
    typeof originationNumber !== 'string' ||
    typeof destinationNumber !== 'string' ||
    typeof messageBody !== 'string' ||
    typeof inboundMessageId !== 'string'
  )
    return undefined;
  return data as InboundText;
}

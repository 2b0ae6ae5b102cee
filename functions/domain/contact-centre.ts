/**
 * Contact-centre events mapped onto the one ingest rule (interactions.ts): each vendor's "the contact ended" event
 * becomes the same `Interaction` a machine client would POST to /api/interactions, so matching, idempotency
 * (the vendor's contact id is the externalId) and "unlinked, never dropped" are the same for every channel.
 * - Amazon Connect: its contact events as EventBridge delivers them (source aws.connect, detail-type "Amazon Connect
 *   Contact Event"); one entry per contact, on DISCONNECTED. Connect's events carry no caller number, so the agency's
 *   contact flow says who the contact was with in contact tags it sets once the caller is known
 *   (`frontdoor:confirmationCode`, `frontdoor:personId`, `frontdoor:email`, `frontdoor:phone`, and
 *   `frontdoor:agency`); a contact with none of them is not about the portal and is ignored (decision 75).
 * - Genesys Cloud: conversation detail events (`v2.detail.events.conversation.{id}.customer.end`), through its
 *   Amazon EventBridge integration (the EventBridge envelope, the notification in `detail`) or a webhook (the
 *   notification alone); one entry per conversation. The caller's number (ANI) is not verified, so it is kept only
 *   as the hint of an unlinked contact for staff to link.
 * Which agency a contact belongs to: the contact's own `frontdoor:agency` tag, else the configured map of Connect
 * instance ARNs and Genesys organization ids to agencies.
 */
import type { Channel } from './timeline.ts';

/** How a vendor's instance maps to an agency: `connect:<instance ARN>` or `genesys:<organization id>` → agency id. */
export type ContactCentreAgencies = Record<string, string>;

export type MappedContact = { kind: 'interaction'; body: Record<string, unknown> } | { kind: 'ignored'; reason: string };

const TAG_PREFIX = 'frontdoor:';
const PERSON_TAGS = ['confirmationCode', 'personId', 'email', 'phone'] as const;

const CONNECT_CHANNELS: Record<string, Channel> = { VOICE: 'voice', CHAT: 'chat', TASK: 'web', EMAIL: 'email' };
/** Who started it: these are the agency calling out; the rest (inbound, transfers, queue moves) the person calling in. */
const CONNECT_OUTBOUND = new Set(['OUTBOUND', 'CALLBACK', 'EXTERNAL_OUTBOUND', 'AGENT_REPLY', 'CAMPAIGN']);

const GENESYS_CHANNELS: Record<string, Channel> = {
  VOICE: 'voice',
  CALLBACK: 'voice',
  CHAT: 'chat',
  MESSAGE: 'chat',
  EMAIL: 'email',
  SMS: 'sms',
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** "4 min" from two ISO times, for the one-line summary (never under 1 minute, to say a contact happened). */
function minutesBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) && ms >= 0 ? Math.max(1, Math.round(ms / 60_000)) : undefined;
}

const CHANNEL_WORDS: Record<Channel, string> = {
  voice: 'Call',
  chat: 'Chat',
  email: 'E-mail',
  sms: 'Text conversation',
  web: 'Task',
  'in-person': 'Visit',
  letter: 'Letter',
};

function summaryOf(vendor: string, channel: Channel, minutes: number | undefined, outcome?: string): string {
  const length = minutes === undefined ? '' : ` (${minutes} min)`;
  return `${CHANNEL_WORDS[channel]} with the contact centre${length}${outcome ? `: ${outcome}` : ''} [${vendor}]`;
}

/** An Amazon Connect contact event (EventBridge) as an interaction, or why it is not one. */
export function fromAmazonConnect(event: unknown, agencies: ContactCentreAgencies): MappedContact {
  const envelope = record(event);
  if (envelope.source !== 'aws.connect' || envelope['detail-type'] !== 'Amazon Connect Contact Event')
    return { kind: 'ignored', reason: 'not an Amazon Connect contact event' };
  const detail = record(envelope.detail);
  if (detail.eventType !== 'DISCONNECTED') return { kind: 'ignored', reason: `event ${String(detail.eventType)}` };
  const contactId = text(detail.contactId);
  if (!contactId) return { kind: 'ignored', reason: 'no contactId' };
  const tags = record(detail.tags);
  const tag = (name: string) => text(tags[`${TAG_PREFIX}${name}`]);
  const person = Object.fromEntries(PERSON_TAGS.flatMap((name) => (tag(name) ? [[name, tag(name)]] : [])));
  if (Object.keys(person).length === 0) return { kind: 'ignored', reason: 'no frontdoor: tags (not about the portal)' };
  const instance = text(detail.instanceArn);
  const agency = tag('agency') ?? (instance ? agencies[`connect:${instance}`] : undefined);
  const channel = CONNECT_CHANNELS[String(detail.channel ?? '').toUpperCase()] ?? 'voice';
  const method = String(detail.initiationMethod ?? '').toUpperCase();
  const agent = record(detail.agentInfo ?? detail.AgentInfo);
  const started =
    text(agent.connectedToAgentTimestamp) ?? text(detail.connectedToSystemTimestamp) ?? text(detail.initiationTimestamp);
  const ended = text(detail.disconnectTimestamp) ?? text(envelope.time);
  return {
    kind: 'interaction',
    body: {
      channel,
      direction: CONNECT_OUTBOUND.has(method) ? 'out' : 'in',
      occurredAt: ended,
      agency,
      summary: summaryOf(
        'Amazon Connect',
        channel,
        minutesBetween(started, ended),
        agent.agentArn || agent.AgentArn ? undefined : 'no agent',
      ),
      // The first contact of a transfer chain: a transferred call is one contact for the person.
      externalId: `connect:${text(detail.initialContactId) ?? contactId}`,
      actor: CONNECT_OUTBOUND.has(method) ? 'staff' : 'citizen',
      person,
    },
  };
}

/** A Genesys Cloud conversation-end notification (EventBridge envelope or webhook body) as an interaction. */
export function fromGenesysCloud(event: unknown, agencies: ContactCentreAgencies): MappedContact {
  const envelope = record(event);
  const notification = envelope.detail !== undefined ? record(envelope.detail) : envelope;
  const topic = text(notification.topicName) ?? text(envelope['detail-type']) ?? '';
  if (!/^v2\.detail\.events\.conversation\.[^.]+\.customer\.end$/.test(topic))
    return { kind: 'ignored', reason: `topic ${topic || '(none)'}` };
  const body = record(notification.eventBody);
  const conversationId = text(body.conversationId);
  if (!conversationId) return { kind: 'ignored', reason: 'no conversationId' };
  // The EventBridge source is aws.partner/genesys.com/cloud/<organization id>/<suffix>.
  const organization = /^aws\.partner\/genesys\.com\/cloud\/([^/]+)\//.exec(text(envelope.source) ?? '')?.[1];
  // A webhook carries no organization: `genesys:*` names the agency of the one organization that sends them.
  const agency = (organization && agencies[`genesys:${organization}`]) || agencies['genesys:*'];
  const channel = GENESYS_CHANNELS[String(body.mediaType ?? '').toUpperCase()] ?? 'voice';
  const direction = String(body.direction ?? '').toUpperCase() === 'OUTBOUND' ? 'out' : 'in';
  const at = typeof body.eventTime === 'number' ? new Date(body.eventTime).toISOString() : text(notification.timestamp);
  const ani = text(body.ani)?.replace(/^tel:/, '');
  const phone = ani && /^\+?\d{7,15}$/.test(ani) ? ani : undefined;
  // A web chat without a caller id gives nothing to find the person by (a flow can send it to /api/interactions).
  if (!phone) return { kind: 'ignored', reason: 'no caller id to find the person by' };
  return {
    kind: 'interaction',
    body: {
      channel,
      direction,
      occurredAt: at,
      agency,
      summary: summaryOf('Genesys Cloud', channel, undefined, text(body.disconnectType)?.toLowerCase()),
      externalId: `genesys:${conversationId}`,
      actor: direction === 'out' ? 'staff' : 'citizen',
      // Unverified (caller id): matchPerson never links on it; staff link the contact from the workspace.
      person: { phone },
    },
  };
}

/** Which adapter an EventBridge event is for. */
export function contactCentreEventOf(event: unknown, agencies: ContactCentreAgencies): MappedContact {
  const source = text(record(event).source) ?? '';
  if (source === 'aws.connect') return fromAmazonConnect(event, agencies);
  if (source.startsWith('aws.partner/genesys.com/') || record(event).topicName !== undefined)
    return fromGenesysCloud(event, agencies);
  return { kind: 'ignored', reason: `source ${source || '(none)'}` };
}

/**
 * Volume by channel from the timeline (decision 0126): every entry is one contact through one channel, so each is
 * counted once, per agency, service (when it concerns a case), day, channel and direction, by the same transaction
 * that writes the entry (the outbox transaction). An entry written twice (an idempotent repeat) is refused with its
 * transaction, so it is counted once; a contact linked later moves from "no service" to its case's service.
 *
 * What is counted: every kind except the delivery reports (delivered, bounced, complained), which say what became of
 * a message already counted. The channels are the timeline's, with payments apart from the other web entries
 * (a payment is a contact of its own on the list: web form, payment, e-mail, text, chat, call, visit,
 * letter).
 */
import type { Channel, Direction, EntryKind, TimelineEntry } from './timeline.ts';

export const VOLUME_CHANNELS = ['web', 'payment', 'email', 'sms', 'chat', 'voice', 'in-person', 'letter'] as const;
export type VolumeChannel = (typeof VOLUME_CHANNELS)[number];

/** Entries about another entry's message, not a contact of their own. */
export const REPORT_KINDS: readonly EntryKind[] = ['delivered', 'bounced', 'complained'];
const PAYMENT_KINDS: readonly EntryKind[] = ['payment-started', 'paid', 'refunded'];

/** The counter an entry adds to, or undefined for a delivery report. */
export function volumeChannelOf(entry: Pick<TimelineEntry, 'kind' | 'channel'>): VolumeChannel | undefined {
  if (REPORT_KINDS.includes(entry.kind)) return undefined;
  if (PAYMENT_KINDS.includes(entry.kind)) return 'payment';
  return entry.channel satisfies Channel;
}

/** A counter's attribute name: `<channel>_<direction>`, e.g. `voice_in`. */
export const counterName = (channel: VolumeChannel, direction: Direction) => `${channel}_${direction}`;

/** One addition to one counter item (agency, day and service) of a transaction. */
export interface ChannelCount {
  agency: string;
  day: string;
  /** The case's service; absent for a contact that concerns no case (it counts for the agency). */
  serviceId?: string;
  /** counterName → how much to add (negative when a linked contact leaves "no service"). */
  add: Record<string, number>;
}

const SERVICE_ID = /^[a-z0-9-]{1,64}$/;

function countKey(agency: string, day: string, serviceId: string | undefined) {
  return `${agency}\u0000${day}\u0000${serviceId ?? ''}`;
}

function addTo(
  counts: Map<string, ChannelCount>,
  agency: string,
  day: string,
  serviceId: string | undefined,
  name: string,
  n: number,
) {
  const key = countKey(agency, day, serviceId);
  const count = counts.get(key) ?? { agency, day, ...(serviceId && { serviceId }), add: {} };
  count.add[name] = (count.add[name] ?? 0) + n;
  counts.set(key, count);
}

/** The service an entry counts under: its own `serviceId` when it is a well-formed id and the entry is on a case. */
export function serviceOf(entry: Pick<TimelineEntry, 'caseCode' | 'serviceId'>): string | undefined {
  return entry.caseCode && entry.serviceId && SERVICE_ID.test(entry.serviceId) ? entry.serviceId : undefined;
}

/**
 * What a transaction writing these entries adds, merged so each counter item appears once (a transaction may not
 * touch one item twice): the entries of one change share an agency, day and service, so usually one item.
 */
export function channelCountsOf(entries: readonly TimelineEntry[]): ChannelCount[] {
  const counts = new Map<string, ChannelCount>();
  for (const entry of entries) {
    const channel = volumeChannelOf(entry);
    if (!channel) continue;
    addTo(counts, entry.agency, entry.occurredAt.slice(0, 10), serviceOf(entry), counterName(channel, entry.direction), 1);
  }
  return [...counts.values()];
}

/**
 * A contact linked by staff: unlinked, it concerned no case and was counted for the agency with no service; linked
 * to a case it moves to that case's service (the agency's total stays the same). Linked to a person only, or to a
 * case without a known service, nothing moves.
 */
export function channelCountsForLink(linked: TimelineEntry): ChannelCount[] {
  const channel = volumeChannelOf(linked);
  const to = serviceOf(linked);
  if (!channel || !to) return [];
  const name = counterName(channel, linked.direction);
  const counts = new Map<string, ChannelCount>();
  const day = linked.occurredAt.slice(0, 10);
  addTo(counts, linked.agency, day, undefined, name, -1);
  addTo(counts, linked.agency, day, to, name, 1);
  return [...counts.values()];
}

/** One counter item as read: a day and service's counts (summed over shards by the store). */
export interface ChannelVolumeDay {
  day: string;
  serviceId?: string | undefined;
  counts: Record<string, number>;
}

export interface ChannelVolumeReader {
  /** An agency's counters for days within [from, to] (shards summed), one per day and service. */
  read(agency: string, from: string, to: string): Promise<ChannelVolumeDay[]>;
}

export interface ChannelVolumeRow {
  channel: VolumeChannel;
  in: number;
  out: number;
  total: number;
}

export interface ChannelVolume {
  /** The whole agency, contacts about no case included. */
  agency: ChannelVolumeRow[];
  /** Each service with any contact, by id. */
  byService: { serviceId: string; rows: ChannelVolumeRow[] }[];
}

function rowsOf(totals: Record<string, number>, channel: string | undefined): ChannelVolumeRow[] {
  return VOLUME_CHANNELS.filter((c) => !channel || c === channel)
    .map((c) => {
      const inbound = totals[counterName(c, 'in')] ?? 0;
      const outbound = totals[counterName(c, 'out')] ?? 0;
      return { channel: c, in: inbound, out: outbound, total: inbound + outbound };
    })
    .filter((row) => row.in !== 0 || row.out !== 0);
}

/**
 * The range's volumes: for the agency and each service, one row per channel with any contact (in the order of
 * VOLUME_CHANNELS), inbound, outbound and total. `serviceId` keeps one service's rows; `channel` one channel's.
 */
export function summarizeChannelVolume(
  days: readonly ChannelVolumeDay[],
  filter: { serviceId?: string | undefined; channel?: string | undefined } = {},
): ChannelVolume {
  const agency: Record<string, number> = {};
  const services = new Map<string, Record<string, number>>();
  for (const { serviceId, counts } of days) {
    const service = serviceId ? (services.get(serviceId) ?? {}) : undefined;
    for (const [name, n] of Object.entries(counts)) {
      agency[name] = (agency[name] ?? 0) + n;
      if (service) service[name] = (service[name] ?? 0) + n;
    }
    if (serviceId && service) services.set(serviceId, service);
  }
  const byService = [...services.entries()]
    .filter(([serviceId]) => !filter.serviceId || serviceId === filter.serviceId)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([serviceId, totals]) => ({ serviceId, rows: rowsOf(totals, filter.channel) }))
    .filter((service) => service.rows.length > 0);
  return { agency: rowsOf(agency, filter.channel), byService };
}

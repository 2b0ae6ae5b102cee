/**
 * Contacts from other channels (a call centre, chat, e-mail, text, a visit, a letter) written onto the same
 * timeline: one ingest rule for every machine client (POST /api/interactions, scope frontdoor/interactions).
 * - Idempotent: the sending system's id for the contact (`externalId`) is claimed in the same transaction as the
 *   entry, so the same contact sent twice is one entry (the second answer says so).
 * - Matching the person: by confirmation code (the case, and its owner when they applied signed in), by person
 *   id, or by an e-mail address the contact centre verified (the agency's cases with that applicant address:
 *   linked only when they point at exactly one case or one person). Anything else is kept "unlinked" for staff to
 *   link, never dropped; only an unlinked entry keeps the address or number it came with (staff need it to link).
 * - Bad input names every field that is wrong, and nothing is written.
 */
import type { FieldProblem } from '#catalog/form-messages';
import { ConflictError, InvalidAnswersError } from '#shared/errors';
import { parseConfirmationCode } from './confirmation-code.ts';
import { fingerprintOf } from './idempotency.ts';
import type { Submission } from './submissions.ts';
import {
  ACTORS,
  type ActorKind,
  CHANNELS,
  type Channel,
  DIRECTIONS,
  type Direction,
  type EntryDeps,
  MAX_SUMMARY,
  placeOf,
  type TimelineEntry,
  timelineEntry,
} from './timeline.ts';

export class InvalidInteractionError extends InvalidAnswersError {
  override name = 'InvalidInteractionError';
  override readonly code = 'invalid_interaction';
}

/** How the sending system says who the contact was with (at least one). */
export interface PersonHint {
  confirmationCode?: string;
  personId?: string;
  email?: string;
  phone?: string;
}

export interface Interaction {
  channel: Channel;
  direction: Direction;
  occurredAt: string;
  agency: string;
  summary: string;
  externalId: string;
  actor: ActorKind;
  person: PersonHint;
}

const FIELDS = ['channel', 'direction', 'occurredAt', 'agency', 'summary', 'externalId', 'actor', 'person'];
const PERSON_FIELDS = ['confirmationCode', 'personId', 'email', 'phone'];
/** How far ahead of our clock a contact may say it happened (clocks differ a little, never by hours). */
const FUTURE_SLACK_MS = 5 * 60 * 1000;
const OLDEST = Date.UTC(2000, 0, 1);

/** Checks what a machine client sent and names every problem at once (messages for its developer, in English). */
export function parseInteraction(body: unknown, now: Date): Interaction {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidInteractionError('Send the interaction as a JSON object.', [
      { field: '(body)', message: 'a JSON object with channel, direction, occurredAt, agency, summary, externalId, person' },
    ]);
  }
  const data = body as Record<string, unknown>;
  for (const key of Object.keys(data)) if (!FIELDS.includes(key)) problem(key, `not a field (use ${FIELDS.join(', ')})`);
  const { channel, direction, occurredAt, agency, summary, externalId, actor, person } = data;
  if (!CHANNELS.includes(channel as Channel)) problem('channel', `one of ${CHANNELS.join(', ')}`);
  if (!DIRECTIONS.includes(direction as Direction)) problem('direction', '"in" (the person contacted us) or "out" (we did)');
  const at =
    typeof occurredAt === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(occurredAt)
      ? Date.parse(occurredAt)
      : Number.NaN;
  if (Number.isNaN(at)) problem('occurredAt', 'a date and time with its offset, like 2026-12-01T09:30:00Z');
  else if (at > now.getTime() + FUTURE_SLACK_MS || at < OLDEST) problem('occurredAt', 'not in the future, and not before 2000');
  if (typeof agency !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(agency)) problem('agency', 'the agency id, like "revenue"');
  const text = typeof summary === 'string' ? summary.trim() : '';
  if (!text || text.length > MAX_SUMMARY) problem('summary', `one line of 1 to ${MAX_SUMMARY} characters`);
  else if (hasControlCharacters(text)) problem('summary', 'one line: no line breaks or control characters');
  if (typeof externalId !== 'string' || !/^[A-Za-z0-9._:#/-]{1,128}$/.test(externalId))
    problem('externalId', "your system's id for the contact: 1 to 128 letters, digits or . _ : # / -");
  if (actor !== undefined && !ACTORS.includes(actor as ActorKind)) problem('actor', `one of ${ACTORS.join(', ')}`);
  const hint = parsePersonHint(person, problem);
  if (problems.length > 0)
    throw new InvalidInteractionError(
      `The interaction has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  return {
    channel: channel as Channel,
    direction: direction as Direction,
    occurredAt: new Date(at).toISOString(),
    agency: agency as string,
    summary: text,
    externalId: externalId as string,
    actor: (actor as ActorKind | undefined) ?? (direction === 'in' ? 'citizen' : 'staff'),
    person: hint,
  };
}

/** Line breaks, tabs and other control characters (C0 and DEL): a summary is one line. */
function hasControlCharacters(text: string): boolean {
  return [...text].some((ch) => {
    const code = ch.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });
}

function parsePersonHint(person: unknown, problem: (field: string, message: string) => void): PersonHint {
  const need = 'how to find the person: { "confirmationCode" | "personId" | "email" | "phone": "…" }, at least one';
  if (typeof person !== 'object' || person === null || Array.isArray(person)) {
    problem('person', need);
    return {};
  }
  const data = person as Record<string, unknown>;
  for (const key of Object.keys(data))
    if (!PERSON_FIELDS.includes(key)) problem(`person.${key}`, `not a field (use ${PERSON_FIELDS.join(', ')})`);
  const hint: PersonHint = {};
  const { confirmationCode, personId, email, phone } = data;
  if (confirmationCode !== undefined) {
    const parsed = typeof confirmationCode === 'string' ? parseConfirmationCode(confirmationCode) : undefined;
    if (parsed?.ok) hint.confirmationCode = parsed.code;
    else problem('person.confirmationCode', 'a confirmation code like K7M2-9QXR-4HCT, as printed');
  }
  if (personId !== undefined) {
    if (typeof personId === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(personId)) hint.personId = personId;
    else problem('person.personId', "the person's id in the portal (the sign-in subject)");
  }
  if (email !== undefined) {
    if (typeof email === 'string' && /^[^@\s]{1,64}@[^@\s]{1,255}$/.test(email.trim())) hint.email = email.trim().toLowerCase();
    else problem('person.email', 'an e-mail address the contact centre verified, like name@example.com');
  }
  if (phone !== undefined) {
    const digits = typeof phone === 'string' ? phone.replace(/[\s().-]/g, '') : '';
    if (/^\+?\d{7,15}$/.test(digits)) hint.phone = digits;
    else problem('person.phone', 'a phone number the contact centre verified, like +15550102000');
  }
  if (Object.keys(data).length === 0) problem('person', need);
  return hint;
}

/** Who the contact was with, as far as the portal can tell. */
export interface Match {
  caseCode?: string;
  person?: string;
  /** The case's service (the contact counts for it in the volume by channel). */
  serviceId?: string;
}

export interface InteractionDeps extends EntryDeps {
  findByCode(code: string): Promise<Submission | undefined>;
  /** The agency's cases whose applicant gave that e-mail address. */
  findByEmail(agency: string, email: string): Promise<Submission[]>;
  store: InteractionStore;
}

export type RecordResult = { kind: 'recorded' } | { kind: 'replay'; entryId: string; fingerprint: string };

export interface InteractionStore {
  /** One transaction: the claim on `externalId` (refused if taken, answering the first entry) and the entry. */
  record(
    claim: { agency: string; channel: Channel; externalId: string; fingerprint: string },
    entry: TimelineEntry,
  ): Promise<RecordResult>;
}

/** Matches the person: the most certain hint first (a code, then an id, then a verified address). */
export async function matchPerson(input: Pick<Interaction, 'agency' | 'person'>, deps: InteractionDeps): Promise<Match> {
  const { person } = input;
  if (person.confirmationCode) {
    const found = await deps.findByCode(person.confirmationCode);
    // Another agency's case is not this agency's to write on.
    if (found && found.agency === input.agency)
      return {
        caseCode: found.code,
        serviceId: found.serviceId,
        ...(found.ownerSubject && { person: found.ownerSubject }),
      };
  }
  if (person.personId) return { person: person.personId };
  if (person.email) {
    const cases = await deps.findByEmail(input.agency, person.email);
    const owners = new Set(cases.map((c) => c.ownerSubject).filter((s): s is string => Boolean(s)));
    const owner = owners.size === 1 ? [...owners][0] : undefined;
    if (cases.length === 1 && cases[0])
      return { caseCode: cases[0].code, serviceId: cases[0].serviceId, ...(owner && { person: owner }) };
    if (owner && cases.every((c) => c.ownerSubject === owner)) return { person: owner };
  }
  return {};
}

export interface IngestReceipt {
  id: string;
  linked: 'case' | 'person' | 'unlinked';
  caseCode?: string;
  /** True when this answers a repeat of a contact already recorded (same externalId). */
  replayed: boolean;
}

/** The fingerprint of what was sent: the same externalId with other content is a mistake, not a repeat. */
export function interactionFingerprint(interaction: Interaction): string {
  const { channel, direction, occurredAt, agency, summary, externalId, actor, person } = interaction;
  return fingerprintOf(JSON.stringify([channel, direction, occurredAt, agency, summary, externalId, actor, person]));
}

export async function ingestInteraction(interaction: Interaction, deps: InteractionDeps): Promise<IngestReceipt> {
  const match = await matchPerson(interaction, deps);
  const unlinked = !match.caseCode && !match.person;
  const entry = timelineEntry(
    {
      kind: 'contact',
      channel: interaction.channel,
      direction: interaction.direction,
      occurredAt: interaction.occurredAt,
      agency: interaction.agency,
      actor: interaction.actor,
      summary: interaction.summary,
      externalId: interaction.externalId,
      ...match,
      // Only an unlinked contact keeps how to reach the person: staff need it to link the contact to someone.
      ...(unlinked && { hint: interaction.person }),
    },
    deps,
  );
  const fingerprint = interactionFingerprint(interaction);
  const result = await deps.store.record(
    { agency: interaction.agency, channel: interaction.channel, externalId: interaction.externalId, fingerprint },
    entry,
  );
  if (result.kind === 'replay') {
    if (result.fingerprint !== fingerprint)
      throw new ConflictError(
        `externalId ${interaction.externalId} was already used for a different ${interaction.channel} contact; send a new externalId.`,
      );
    return { id: result.entryId, linked: placeOf(entry), ...(match.caseCode && { caseCode: match.caseCode }), replayed: true };
  }
  return { id: entry.id, linked: placeOf(entry), ...(match.caseCode && { caseCode: match.caseCode }), replayed: false };
}

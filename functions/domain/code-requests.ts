/**
 * "Send me my confirmation codes": a person who lost their code gives the e-mail address they applied with, and the
 * codes of every submission made with it are e-mailed to that address, never shown. The page answers the same
 * words whether the address is known or not, and as fast (the lookup happens later, in the notifier), so it cannot
 * be used to learn whether someone applied for something (decision 73).
 * - Rate-limited per address: at most CODES_PER_HOUR requests an hour reach the notifier (more answer the same page
 *   and send nothing), so nobody can flood a mailbox through the portal; API Gateway throttles the route as well.
 * - The request is an outbox item (the stream hands it to the notifier), written with the hour's counter in one
 *   transaction; it keeps the address for a day at most (TTL) and the notifier deletes it once sent.
 */
import { translate } from '#catalog/i18n';
import type { Locale, Strings } from '#catalog/schema';
import { InvalidAnswersError } from '#shared/errors';
import type { Mailer, OutgoingEmail } from './notifications.ts';
import type { Submission } from './submissions.ts';

export const CODES_PER_HOUR = 3;
/** The most codes one e-mail lists (a person with more gets the newest). */
export const MAX_CODES_LISTED = 20;

export interface CodesRequest {
  id: string;
  address: string;
  locale: Locale;
  requestedAt: string;
}

export interface CodesRequestStore {
  /** The hour's counter for the address (refused past the limit) and the request, in one transaction. */
  request(request: CodesRequest, hour: string, limit: number): Promise<'accepted' | 'limited'>;
  /** Every submission made with the address, in any agency, newest first. */
  submissionsByEmail(address: string): Promise<Submission[]>;
  /** Forgets the request (its address) once its e-mail went. */
  forget(id: string): Promise<void>;
}

export class InvalidCodesRequestError extends InvalidAnswersError {
  override name = 'InvalidCodesRequestError';
  override readonly code = 'invalid_codes_request';
}

/** The address as given, lower case, or a 422 naming the field. */
export function parseCodesAddress(raw: unknown, locale: Locale, strings: Strings): string {
  const address = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (!/^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$/.test(address) || address.length > 254) {
    const message = translate(strings, 'codes.emailInvalid', locale);
    throw new InvalidCodesRequestError(message, [{ field: 'email', message }]);
  }
  return address;
}

/** Takes the request; the answer never depends on whether the address is known. */
export async function requestMyCodes(
  input: { email: unknown; locale: Locale },
  deps: { store: CodesRequestStore; strings: Strings; now: () => Date; newId: () => string },
): Promise<'accepted' | 'limited'> {
  const address = parseCodesAddress(input.email, input.locale, deps.strings);
  const now = deps.now();
  const request: CodesRequest = { id: deps.newId(), address, locale: input.locale, requestedAt: now.toISOString() };
  return deps.store.request(request, now.toISOString().slice(0, 13), CODES_PER_HOUR);
}

export interface SendCodesDeps {
  store: CodesRequestStore;
  mailer: Mailer;
  strings: Strings;
  serviceTitle: (serviceId: string, locale: Locale) => string | undefined;
  statusUrl: (code: string, locale: Locale) => string;
  statusPageUrl: (locale: Locale) => string;
}

/** The e-mail listing the codes, or undefined when the address made no submission (then nothing is sent). */
export function codesEmail(request: CodesRequest, submissions: Submission[], deps: Omit<SendCodesDeps, 'store' | 'mailer'>) {
  if (submissions.length === 0) return undefined;
  const { locale } = request;
  const t = (key: string, params?: Record<string, string | number>) => translate(deps.strings, key, locale, params);
  const email: OutgoingEmail = {
    to: request.address,
    locale,
    subject: t('codes.email.subject'),
    paragraphs: [t('codes.email.body', { count: submissions.length })],
    codes: submissions.slice(0, MAX_CODES_LISTED).map((s) => ({
      code: s.code,
      label: t('codes.email.item', {
        service: deps.serviceTitle(s.serviceId, locale) ?? s.serviceId,
        date: s.submittedAt.slice(0, 10),
      }),
      href: deps.statusUrl(s.code, locale),
    })),
    link: { href: deps.statusPageUrl(locale), label: t('email.statusLink') },
    footer: t('codes.email.footer'),
  };
  return email;
}

/** The notifier's half: looks the address up and e-mails its codes (or nothing), then forgets the request. */
export async function sendMyCodes(request: CodesRequest, deps: SendCodesDeps): Promise<'sent' | 'none'> {
  const submissions = await deps.store.submissionsByEmail(request.address);
  const email = codesEmail(request, submissions, deps);
  if (email) await deps.mailer.send(email, { entryId: `codes-${request.id}` });
  await deps.store.forget(request.id);
  return email ? 'sent' : 'none';
}

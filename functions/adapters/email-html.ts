/** A notification e-mail's HTML part (ui/emails/NotificationEmail.tsx), in a module of its own: loaded on first use. */
import { h } from 'preact';
import type { OutgoingEmail } from '#domain/notifications';
import { NotificationEmail } from '#ui/emails/NotificationEmail.tsx';
import { renderDocument } from '#ui/render.ts';

export function emailHtml(email: OutgoingEmail): string {
  return renderDocument(h(NotificationEmail, { email }));
}

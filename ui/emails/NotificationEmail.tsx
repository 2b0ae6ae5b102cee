/**
 * A notification e-mail's HTML part: the same words as its plain-text part (functions/adapters/ses-mailer.ts),
 * escaped by preact like every page. Mail programs ignore style sheets, so the few styles are inline, and the
 * layout is one column that reads the same on a phone, in a screen reader or as plain text.
 */
import type { OutgoingEmail } from '#domain/notifications';

export function NotificationEmail({ email }: { email: OutgoingEmail }) {
  return (
    <html lang={email.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{email.subject}</title>
      </head>
      <body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1b1b1b;background:#ffffff">
        <main style="max-width:600px">
          <h1 style="font-size:22px;margin:0 0 16px">{email.subject}</h1>
          {email.paragraphs.map((paragraph) => (
            <p style="margin:0 0 16px">{paragraph}</p>
          ))}
          {email.quote && (
            <blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #005ea2;background:#f0f0f0;white-space:pre-line">
              {email.quote}
            </blockquote>
          )}
          {email.code && (
            <>
              <p style="margin:0 0 4px">{email.codeLabel}</p>
              <p style="margin:0 0 16px;font-size:24px;font-weight:bold;letter-spacing:2px;font-family:'Courier New',monospace">
                {email.code}
              </p>
            </>
          )}
          {email.codes && (
            <ul style="margin:0 0 16px;padding-left:20px">
              {email.codes.map((item) => (
                <li style="margin:0 0 8px">
                  {item.label}:{' '}
                  <a href={item.href} style="color:#005ea2;font-weight:bold;font-family:'Courier New',monospace">
                    {item.code}
                  </a>
                </li>
              ))}
            </ul>
          )}
          <p style="margin:0 0 24px">
            <a href={email.link.href} style="color:#005ea2">
              {email.link.label}
            </a>
          </p>
          {email.preferencesLink && (
            <p style="margin:0 0 8px;font-size:14px">
              <a href={email.preferencesLink.href} style="color:#005ea2">
                {email.preferencesLink.label}
              </a>
            </p>
          )}
          <p style="margin:0;font-size:14px;color:#565c65">{email.footer}</p>
        </main>
      </body>
    </html>
  );
}

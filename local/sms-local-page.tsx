/**
 * The local text-message inbox (npm start only, a developer's tool, English only): every text the portal sent and
 * every text sent in, newest first, and a form that sends one in as a person's phone would.
 */
import type { StoredText } from './sms-local.ts';

export function SmsInboxPage({ texts, number }: { texts: StoredText[]; number: string }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Local text messages</title>
        <style>{'body{font-family:sans-serif;max-width:40rem;margin:1rem auto;padding:0 1rem}li{margin:.5rem 0}'}</style>
      </head>
      <body>
        <main>
          <h1>Local text messages</h1>
          <p>Texts the portal sent through End User Messaging's stand-in, and texts sent in to the agency's number {number}.</p>
          <h2>Send a text to the agency</h2>
          <form method="post" action="/inbound">
            <p>
              <label for="from">From (E.164)</label>
              <br />
              <input id="from" name="from" type="tel" value="+15550102000" required />
            </p>
            <p>
              <label for="body">Text</label>
              <br />
              <input id="body" name="body" type="text" placeholder="STATUS K7M2-9QXR-4HCT" required />
            </p>
            <p>
              <button type="submit">Send</button>
            </p>
          </form>
          <h2>Texts</h2>
          {texts.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ol reversed>
              {texts.map((text) => (
                <li key={text.messageId}>
                  <strong>{text.direction === 'out' ? `To ${text.to}` : `From ${text.from}`}</strong>{' '}
                  <time dateTime={text.at}>{text.at}</time>
                  <br />
                  {text.body}
                </li>
              ))}
            </ol>
          )}
        </main>
      </body>
    </html>
  );
}

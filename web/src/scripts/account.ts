// "My account": sign-in choices from /config.json, or the person's own submissions from the API.
import { currentSession, fetchSignedIn, runtimeConfig, signOut, startSignIn } from './session.ts';

interface Summary {
  code: string;
  serviceTitle: string;
  submittedAt: string;
  statusLabel: string;
  /** The status page's plain-language meaning of the status. */
  statusMeaning: string;
  /** What the agency said with it (what to send, why it was denied). */
  message?: string;
  /** That message's id: the status page asks about this reply (the survey after a staff reply). */
  messageId?: string;
  statusUrl: string;
  /** A PDF of the answers sent (fetched with the sign-in's token, then saved). */
  pdfUrl?: string;
  /** Present while the person may still withdraw it. */
  withdrawUrl?: string;
  paymentLabel?: string;
  paymentUrl?: string;
}

/** One entry of "My activity", in the reader's words (ui/timeline-view.ts builds it on the server). */
interface ActivityItem {
  id: string;
  kind: string;
  occurredAt: string;
  label: string;
  summary?: string;
  channelLabel: string;
  directionLabel: string;
  actorLabel: string;
  agencyName: string;
  caseCode?: string;
  statusUrl?: string;
}

const root = document.querySelector<HTMLElement>('[data-account]');

function showProblem(message: string) {
  if (!root) return;
  const box = root.querySelector<HTMLElement>('[data-account-problem]');
  const text = root.querySelector<HTMLElement>('[data-account-problem-text]');
  if (box && text) {
    text.textContent = message;
    box.hidden = false;
  }
}

function cell(row: HTMLTableRowElement, label: string, content: Node | string) {
  const td = row.insertCell();
  td.dataset.label = label;
  td.append(content);
}

async function showSignedOut(locale: string) {
  if (!root) return;
  const config = await runtimeConfig();
  if (!config.auth) {
    showProblem(root.dataset.unavailable ?? '');
    return;
  }
  const template = root.dataset.signInWith ?? '{provider}';
  const returnTo = location.pathname;
  for (const provider of config.auth.identityProviders) {
    const list = root.querySelector(`[data-providers="${provider.audience}"]`);
    const item = document.createElement('li');
    item.className = 'usa-button-group__item';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = provider.audience === 'staff' ? 'usa-button usa-button--outline' : 'usa-button';
    button.textContent = template.replace('{provider}', provider.label);
    button.addEventListener('click', () => void startSignIn({ returnTo, idp: provider.id, locale }));
    item.append(button);
    list?.append(item);
  }
  root.querySelector('[data-sign-in-any]')?.addEventListener('click', () => void startSignIn({ returnTo, locale }));
  root.querySelector<HTMLElement>('[data-signed-out]')?.removeAttribute('hidden');
}

async function showSignedIn(locale: string) {
  if (!root) return;
  const session = currentSession();
  if (!session) return showSignedOut(locale);
  const section = root.querySelector<HTMLElement>('[data-signed-in]');
  const name = root.querySelector<HTMLElement>('[data-account-name]');
  if (!section || !name) return;
  name.textContent = session.name || session.email;
  const intro = document.querySelector<HTMLElement>('[data-account-intro]');
  if (intro && root.dataset.signedInIntro) intro.textContent = root.dataset.signedInIntro;
  section.querySelector('[data-sign-out]')?.addEventListener('click', () => void signOut(locale));
  section.hidden = false;

  await listSubmissions(section, locale);
  await listDrafts(section, locale);
}

interface MyDraft {
  draftId: string;
  formTitle: string;
  updatedAt: string;
  expiresAt: string;
  continueUrl: string;
}

/**
 * The person's unfinished forms (decision 0082), each with "Continue": a signed-in POST gives this browser the
 * draft's key cookie and answers with the page they left.
 */
async function listDrafts(section: HTMLElement, locale: string) {
  if (!root?.dataset.draftsUrl) return;
  const table = section.querySelector<HTMLTableElement>('[data-drafts]');
  const body = table?.tBodies[0];
  const empty = section.querySelector<HTMLElement>('[data-drafts-empty]');
  if (!table || !body) return;
  const response = await fetchSignedIn(root.dataset.draftsUrl, { headers: { accept: 'application/json' } });
  if (!response.ok) return showProblem(root.dataset.loadFailed ?? '');
  const { drafts } = (await response.json()) as { drafts: MyDraft[] };
  const headings = [...(table.tHead?.rows[0]?.cells ?? [])].map((th) => th.textContent ?? '');
  const dates = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long' });
  body.replaceChildren();
  for (const draft of drafts) {
    const row = body.insertRow();
    row.dataset.draft = draft.draftId;
    cell(row, headings[0] ?? '', draft.formTitle);
    const saved = document.createElement('time');
    saved.dateTime = draft.updatedAt;
    saved.textContent = dates.format(new Date(draft.updatedAt));
    cell(row, headings[1] ?? '', saved);
    const kept = document.createElement('time');
    kept.dateTime = draft.expiresAt;
    kept.dataset.keptUntil = '';
    kept.textContent = dates.format(new Date(draft.expiresAt));
    cell(row, headings[2] ?? '', kept);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'usa-button usa-button--outline';
    button.dataset.continueDraft = draft.draftId;
    button.textContent = root.dataset.draftContinue ?? '';
    button.setAttribute('aria-label', `${root.dataset.draftContinue ?? ''}: ${draft.formTitle}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      const answer = await fetchSignedIn(draft.continueUrl, {
        method: 'POST',
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!answer.ok) {
        button.disabled = false;
        return showProblem(root?.dataset.loadFailed ?? '');
      }
      const { next } = (await answer.json()) as { next: string };
      location.assign(next);
    });
    cell(row, headings[3] ?? '', button);
  }
  table.hidden = drafts.length === 0;
  if (empty) empty.hidden = drafts.length > 0;
}

/** The status as the status page says it: its name, what it means, the agency's message, and "Withdraw". */
function statusCell(submission: Summary, onWithdraw: (button: HTMLButtonElement) => void): Node {
  const box = document.createElement('div');
  const label = document.createElement('strong');
  label.textContent = submission.statusLabel;
  const meaning = document.createElement('p');
  meaning.className = 'margin-y-05';
  meaning.dataset.statusMeaning = '';
  meaning.textContent = submission.statusMeaning;
  box.append(label, meaning);
  if (submission.message) {
    const alert = document.createElement('div');
    alert.className = 'usa-alert usa-alert--warning usa-alert--slim margin-y-1';
    const body = document.createElement('div');
    body.className = 'usa-alert__body';
    const text = document.createElement('p');
    text.className = 'usa-alert__text';
    const title = document.createElement('strong');
    title.textContent = `${root?.dataset.messageTitle ?? ''}: `;
    const said = document.createElement('span');
    said.dataset.statusMessage = '';
    said.textContent = submission.message;
    text.append(title, said);
    if (submission.messageId) {
      // The survey about this reply is on the case's status page, where the reply is shown too.
      const rate = document.createElement('a');
      rate.className = 'usa-link';
      rate.href = `${submission.statusUrl}?lang=${root?.dataset.locale ?? 'en'}#feedback-heading`;
      rate.dataset.rateReply = '';
      rate.textContent = root?.dataset.rateReply ?? '';
      text.append(' ', rate);
    }
    body.append(text);
    alert.append(body);
    box.append(alert);
  }
  if (submission.withdrawUrl) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'usa-button usa-button--outline usa-button--small margin-top-1';
    button.textContent = root?.dataset.withdraw ?? '';
    button.setAttribute('aria-label', (root?.dataset.withdrawLabel ?? '').replace('{code}', submission.code));
    button.dataset.withdraw = submission.withdrawUrl;
    button.addEventListener('click', () => onWithdraw(button));
    box.append(button);
  }
  return box;
}

/** "PDF of your answers": the route needs the sign-in's token, so the file is fetched here and handed to the browser. */
function pdfButton(url: string, code: string, locale: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'usa-button usa-button--unstyled margin-top-05';
  button.textContent = root?.dataset.pdf ?? '';
  button.setAttribute('aria-label', (root?.dataset.pdfLabel ?? '').replace('{code}', code));
  button.dataset.pdf = url;
  button.addEventListener('click', async () => {
    const answer = await fetchSignedIn(`${url}?lang=${locale}`, { headers: { accept: 'application/pdf' } });
    if (!answer.ok) return showProblem(root?.dataset.loadFailed ?? '');
    const href = URL.createObjectURL(await answer.blob());
    const save = document.createElement('a');
    save.href = href;
    save.download = `${code}.pdf`;
    save.click();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  });
  return button;
}

async function listSubmissions(section: HTMLElement, locale: string, focusCode?: string) {
  if (!root) return;
  const response = await fetchSignedIn(root.dataset.submissionsUrl ?? '', { headers: { accept: 'application/json' } });
  if (response.status === 401) {
    section.hidden = true;
    showProblem(root.dataset.sessionEnded ?? '');
    return showSignedOut(locale);
  }
  if (!response.ok) return showProblem(root.dataset.loadFailed ?? '');
  const { submissions } = (await response.json()) as { submissions: Summary[] };
  const table = section.querySelector<HTMLTableElement>('[data-submissions]');
  const body = table?.tBodies[0];
  const headings = [...(table?.tHead?.rows[0]?.cells ?? [])].map((th) => th.textContent ?? '');
  if (!table || !body) return;
  body.replaceChildren();
  const dates = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long' });
  const withdraw = async (button: HTMLButtonElement, code: string) => {
    if (!window.confirm(root?.dataset.withdrawConfirm ?? '')) return;
    button.disabled = true;
    const answer = await fetchSignedIn(`${button.dataset.withdraw}?lang=${locale}`, {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    if (!answer.ok) {
      button.disabled = false;
      return showProblem(root?.dataset.withdrawFailed ?? '');
    }
    await listSubmissions(section, locale, code);
  };
  for (const submission of submissions) {
    const row = body.insertRow();
    cell(row, headings[0] ?? '', submission.serviceTitle);
    const link = document.createElement('a');
    link.className = 'usa-link';
    link.href = `${submission.statusUrl}?lang=${locale}`;
    link.textContent = submission.code;
    const codeCell = document.createElement('div');
    codeCell.append(link);
    if (submission.pdfUrl) codeCell.append(pdfButton(submission.pdfUrl, submission.code, locale));
    cell(row, headings[1] ?? '', codeCell);
    const time = document.createElement('time');
    time.dateTime = submission.submittedAt;
    time.textContent = dates.format(new Date(submission.submittedAt));
    cell(row, headings[2] ?? '', time);
    cell(
      row,
      headings[3] ?? '',
      statusCell(submission, (button) => void withdraw(button, submission.code)),
    );
    if (submission.paymentLabel && submission.paymentUrl) {
      const payment = document.createElement('a');
      payment.className = 'usa-link';
      payment.href = `${submission.paymentUrl}?lang=${locale}`;
      payment.textContent = submission.paymentLabel;
      cell(row, headings[4] ?? '', payment);
    } else cell(row, headings[4] ?? '', submission.paymentLabel ?? '');
    // After a withdrawal, keyboard and screen reader users land back on the application they changed.
    if (submission.code === focusCode) link.focus();
  }
  table.hidden = submissions.length === 0;
  const empty = section.querySelector<HTMLElement>('[data-empty]');
  if (empty) empty.hidden = submissions.length > 0;
  const activity = section.querySelector<HTMLElement>('[data-activity]');
  if (activity && root.dataset.activityUrl) await showActivity(activity, root.dataset.activityUrl, locale);
  const preferences = section.querySelector<HTMLElement>('[data-preferences]');
  if (preferences && root.dataset.preferencesUrl && !preferences.dataset.ready)
    await showPreferences(section, preferences, root.dataset.preferencesUrl);
}

/** "How we contact you": the saved choices, saved again on submit; and the addresses we could not reach. */
async function showPreferences(section: HTMLElement, box: HTMLElement, url: string) {
  const form = box.querySelector<HTMLFormElement>('[data-preferences-form]');
  const status = box.querySelector<HTMLElement>('[data-preferences-status]');
  if (!form || !status) return;
  const response = await fetchSignedIn(url, { headers: { accept: 'application/json' } });
  if (!response.ok) return showProblem(root?.dataset.loadFailed ?? '');
  const { preferences, unreachable } = (await response.json()) as {
    preferences: { choices: Record<string, string>; locale?: string };
    unreachable: { address: string }[];
  };
  for (const [kind, choice] of Object.entries({
    ...preferences.choices,
    ...(preferences.locale && { locale: preferences.locale }),
  })) {
    const input = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(kind)}"][value="${CSS.escape(choice)}"]`);
    if (input) input.checked = true;
  }
  const list = section.querySelector<HTMLElement>('[data-unreachable-list]');
  for (const { address } of unreachable) {
    const alert = document.createElement('div');
    alert.className = 'usa-alert usa-alert--warning usa-alert--slim margin-y-1';
    alert.dataset.unreachableAddress = '';
    const body = document.createElement('div');
    body.className = 'usa-alert__body';
    const text = document.createElement('p');
    text.className = 'usa-alert__text';
    text.textContent = (root?.dataset.unreachable ?? '{address}').replace('{address}', address);
    body.append(text);
    alert.append(body);
    list?.append(alert);
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = Object.fromEntries(new FormData(form).entries());
    status.textContent = '';
    void fetchSignedIn(url, {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(
      (answer) => {
        status.textContent = (answer.ok ? root?.dataset.preferencesSaved : root?.dataset.preferencesFailed) ?? '';
        status.classList.toggle('usa-sr-only', answer.ok);
      },
      () => {
        status.textContent = root?.dataset.preferencesFailed ?? '';
      },
    );
  });
  box.dataset.ready = 'true';
  box.hidden = false;
}

/** The same markup as ui/components/Timeline.tsx, built with text nodes only. */
function activityItem(item: ActivityItem, locale: string, times: Intl.DateTimeFormat): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'portal-timeline__item';
  li.dataset.kind = item.kind;
  const what = document.createElement('p');
  what.className = 'portal-timeline__what';
  const strong = document.createElement('strong');
  strong.textContent = item.label;
  what.append(strong);
  li.append(what);
  if (item.summary) {
    const summary = document.createElement('p');
    summary.className = 'portal-timeline__summary';
    summary.textContent = item.summary;
    li.append(summary);
  }
  const meta = document.createElement('p');
  meta.className = 'portal-timeline__meta';
  const time = document.createElement('time');
  time.dateTime = item.occurredAt;
  time.textContent = times.format(new Date(item.occurredAt));
  meta.append(time, ` · ${item.channelLabel} · ${item.directionLabel} · ${item.actorLabel} · ${item.agencyName}`);
  if (item.caseCode && item.statusUrl) {
    const link = document.createElement('a');
    link.className = 'usa-link';
    link.href = `${item.statusUrl}?lang=${locale}`;
    link.textContent = item.caseCode;
    meta.append(' · ', link);
  }
  li.append(meta);
  return li;
}

/** "My activity": the first page, then older pages on request, each appended below. */
async function showActivity(section: HTMLElement, url: string, locale: string) {
  const list = section.querySelector<HTMLOListElement>('[data-activity-list]');
  const more = section.querySelector<HTMLButtonElement>('[data-activity-more]');
  const empty = section.querySelector<HTMLElement>('[data-activity-empty]');
  if (!list || !more || !empty) return;
  const times = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeStyle: 'short' });
  let next: string | undefined = url;
  const load = async () => {
    if (!next) return;
    more.disabled = true;
    const response = await fetchSignedIn(next, { headers: { accept: 'application/json' } });
    more.disabled = false;
    if (!response.ok) return showProblem(root?.dataset.loadFailed ?? '');
    const page = (await response.json()) as { items: ActivityItem[]; nextUrl?: string };
    for (const item of page.items) list.append(activityItem(item, locale, times));
    next = page.nextUrl;
    more.hidden = !next;
    empty.hidden = list.children.length > 0;
  };
  more.addEventListener('click', () => void load().catch(() => showProblem(root?.dataset.loadFailed ?? '')));
  await load();
}

if (root) {
  const locale = root.dataset.locale ?? 'en';
  void showSignedIn(locale).catch(() => showProblem(root.dataset.loadFailed ?? ''));
}

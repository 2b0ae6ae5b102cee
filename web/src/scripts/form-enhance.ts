/**
 * Inline checks for apply forms, enhancing the plain POST that works without JavaScript.
 * Same rules and messages as the server (from each group's data-* attributes), shown with the same markup
 * catalog/src/form-html.ts renders. With no problems the browser posts the form itself — unless the person
 * is signed in: then the same answers go to the signed-in route with their token, so the submission is
 * theirs and shows under "My account".
 */
import { type DateRange, outOfRange } from '#catalog/date-range';
import { answersFromEntries, centsFrom, isRealDate } from '#catalog/form-values';
import { ssnFrom } from '#catalog/sensitive';
import { type LiveQuestion, shownOnPage } from './form-conditions.ts';
import { currentSession, fetchSignedIn, sessionClaims } from './session.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Patterns = Partial<Record<string, string>>;

const CONTROLS = 'input, select, textarea';

function controlsOf(group: HTMLElement): Control[] {
  return [...group.querySelectorAll<Control>(CONTROLS)];
}

function wholeMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u').test(value);
  } catch {
    return true; // A pattern the browser cannot compile is left to the server.
  }
}

/** The message for the group's first problem, or null. `kind` says which rule failed. */
function checkGroup(
  group: HTMLElement,
  patterns: Patterns,
): { kind: 'required' | 'invalid' | 'tooLong' | 'range'; message: string } | null {
  const { type = 'text', pattern, min, max, msgRequired = '', msgInvalid = '', msgTooLong = '' } = group.dataset;
  // A date in the question's range: the server's own rule, counted from today, with the server's words.
  const inRange = (value: string) => {
    if (!group.dataset.dateRange) return null;
    const problem = outOfRange(JSON.parse(group.dataset.dateRange) as DateRange, value, new Date());
    if (!problem) return null;
    const message = group.dataset[problem === 'tooFar' ? 'msgTooFar' : problem === 'future' ? 'msgFuture' : 'msgPast'] ?? '';
    return { kind: 'range', message } as const;
  };
  const controls = controlsOf(group);
  const first = controls[0];
  if (!first) return null;
  const required = { kind: 'required', message: msgRequired } as const;
  const invalid = { kind: 'invalid', message: msgInvalid } as const;

  if (type === 'radio' || type === 'yesNo')
    return first.required && !controls.some((control) => (control as HTMLInputElement).checked) ? required : null;
  if (type === 'checkboxes') {
    return group.dataset.required === 'true' && !controls.some((control) => (control as HTMLInputElement).checked)
      ? required
      : null;
  }
  if (type === 'memorableDate') {
    // The same reading as the server's (catalog/src/form-values.ts), then the same shape and calendar checks.
    const name = group.dataset.field ?? '';
    const typed = answersFromEntries(
      [{ name, type }],
      controls.map((control) => [control.name, control.value] as const),
    )[name];
    if (typed === undefined) return first.required ? required : null;
    return wholeMatch(patterns.date ?? '', String(typed)) && isRealDate(String(typed)) ? inRange(String(typed)) : invalid;
  }
  if (type === 'ssn') {
    const value = first.value.trim();
    if (value === '') return first.required ? required : null;
    return wholeMatch(patterns.ssn ?? '', ssnFrom(value)) ? null : invalid;
  }
  if (type === 'declaration') {
    // Both the consent and the typed name; which one is missing is the server's to say.
    const agreed = controls.some(
      (control) => control instanceof HTMLInputElement && control.type === 'checkbox' && control.checked,
    );
    const named = controls.some((control) => control.type !== 'checkbox' && control.value.trim() !== '');
    return first.required && !(agreed && named) ? required : null;
  }
  if (type === 'address' || type === 'name') {
    // Which part is missing or wrong is the server's to say; here only whether anything was given at all.
    const given = controls.some((control) => control.value.trim() !== '');
    return !given && first.required ? required : null;
  }
  if (type === 'money') {
    const value = first.value.trim();
    if (value === '') return first.required ? required : null;
    const cents = centsFrom(value);
    if (typeof cents === 'string') return invalid;
    if (min !== undefined && cents < Number(min)) return invalid;
    if (max !== undefined && cents > Number(max)) return invalid;
    return null;
  }
  if (type === 'checkbox') return first.required && !(first as HTMLInputElement).checked ? required : null;
  // A half-typed date has no value but is not empty either.
  if (first instanceof HTMLInputElement && first.validity.badInput) return invalid;
  const value = first.value.trim();
  if (value === '') return first.required ? required : null;
  if (type === 'select') return null;
  if (type === 'integer') {
    if (!/^-?\d+$/.test(value)) return invalid;
    const number = Number(value);
    if (min !== undefined && number < Number(min)) return invalid;
    if (max !== undefined && number > Number(max)) return invalid;
    return null;
  }
  const maxLength = first instanceof HTMLSelectElement ? -1 : first.maxLength;
  if (maxLength > 0 && [...value].length > maxLength) return { kind: 'tooLong', message: msgTooLong };
  const rule = pattern ?? patterns[type];
  if (rule !== undefined && !wholeMatch(rule, value)) return invalid;
  if (type === 'date') return isRealDate(value) ? inRange(value) : invalid;
  return null;
}

/** Questions asked in a fieldset (several inputs): the fieldset carries the description. */
const FIELDSET_TYPES = new Set(['radio', 'yesNo', 'checkboxes', 'memorableDate', 'address', 'name', 'declaration']);

/** Shows or clears the group's error exactly as the server renders it. */
function showProblem(group: HTMLElement, message: string | null): void {
  const name = group.dataset.field ?? '';
  const type = group.dataset.type;
  const error = group.querySelector<HTMLElement>(`[data-error-for="${name}"]`);
  const control = controlsOf(group)[0];
  if (!error || !control) return;
  group.classList.toggle('usa-form-group--error', message !== null);
  error.textContent = message ?? '';
  error.hidden = message === null;

  const hint = document.getElementById(`field-${name}-hint`);
  const describedBy = [hint && group.contains(hint) ? hint.id : '', message === null ? '' : error.id].filter(Boolean).join(' ');
  const inFieldset = FIELDSET_TYPES.has(type ?? '');
  const described = inFieldset ? group.querySelector('fieldset') : control;
  if (describedBy) described?.setAttribute('aria-describedby', describedBy);
  else described?.removeAttribute('aria-describedby');

  if (inFieldset) return;
  if (message === null) control.removeAttribute('aria-invalid');
  else control.setAttribute('aria-invalid', 'true');
  if (type === 'checkbox') return;
  control.classList.toggle('usa-input--error', message !== null);
  group.querySelector(`label[for="${control.id}"]`)?.classList.toggle('usa-label--error', message !== null);
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The same box as renderErrorSummary in catalog/src/form-html.ts. */
function errorSummary(title: string, problems: { targetId: string; message: string }[]): HTMLElement {
  const box = element('div', 'usa-alert usa-alert--error portal-error-summary');
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  box.setAttribute('data-error-summary', '');
  const body = element('div', 'usa-alert__body');
  const list = element('ul', 'usa-list usa-list--unstyled');
  for (const problem of problems) {
    const item = element('li', 'usa-error-summary__item');
    const link = element('a', 'usa-link', problem.message);
    link.href = `#${problem.targetId}`;
    item.append(link);
    list.append(item);
  }
  body.append(element('h2', 'usa-alert__heading', title), list);
  box.append(body);
  return box;
}

/**
 * Questions asked only for some answers on this same page (data-when): hidden, and their inputs disabled so they
 * are not sent, while their condition does not hold. Without JavaScript they stay shown and the server drops
 * the answers it does not need.
 */
function conditionalQuestions(form: HTMLFormElement): () => void {
  const all = [...form.querySelectorAll<HTMLElement>('[data-field]')];
  if (!all.some((group) => group.dataset.when)) return () => {};
  const questions: LiveQuestion[] = all.map((group) => ({
    name: group.dataset.field ?? '',
    type: group.dataset.type ?? 'text',
    when: group.dataset.when ? (JSON.parse(group.dataset.when) as LiveQuestion['when']) : undefined,
  }));
  const earlier = JSON.parse(form.dataset.earlierAnswers ?? '{}') as Record<string, unknown>;
  const update = () => {
    const entries = [...new FormData(form)].flatMap(([name, value]) =>
      typeof value === 'string' ? [[name, value] as const] : [],
    );
    const shown = shownOnPage(questions, earlier, entries);
    for (const group of all) {
      if (!group.dataset.when) continue;
      const hidden = !shown.has(group.dataset.field ?? '');
      group.hidden = hidden;
      for (const control of controlsOf(group)) control.disabled = hidden;
    }
  };
  update();
  return update;
}

function enhance(form: HTMLFormElement, settings: HTMLElement): void {
  const patterns = JSON.parse(settings.dataset.patterns ?? '{}') as Patterns;
  const summaryTitle = settings.dataset.summaryTitle ?? '';
  const groups = () => [...form.querySelectorAll<HTMLElement>('[data-field]')].filter((group) => !group.hidden);
  const updateConditions = conditionalQuestions(form);
  form.addEventListener('input', updateConditions);
  form.addEventListener('change', updateConditions);
  const touched = new WeakSet<HTMLElement>();

  const key = form.querySelector<HTMLInputElement>('input[data-idempotency-key]');
  if (key && key.value === '' && typeof crypto.randomUUID === 'function') key.value = crypto.randomUUID();

  // An answer that becomes right clears its message at once, as the person types or picks: the page moves
  // under their hands, never under the pointer.
  const recheck = (event: Event) => {
    const group = (event.target as Element).closest<HTMLElement>('[data-field]');
    if (!group || group.hidden) return;
    touched.add(group);
    if (group.classList.contains('usa-form-group--error') && checkGroup(group, patterns) === null) showProblem(group, null);
  };
  form.addEventListener('input', recheck);
  form.addEventListener('change', recheck);

  // Leaving a question may show a new message, which moves what is below it. Focus leaves on pointerdown,
  // before the click lands: a message appearing then would move the radio or button away from under the
  // pointer and the tap would be lost. So while a pointer is down, messages wait until the click is over.
  let pointerIsDown = false;
  const waiting = new Set<HTMLElement>();
  const showWaiting = () => {
    pointerIsDown = false;
    for (const group of waiting) {
      const problem = checkGroup(group, patterns);
      if (problem) showProblem(group, problem.message);
    }
    waiting.clear();
  };
  document.addEventListener(
    'pointerdown',
    () => {
      pointerIsDown = true;
    },
    true,
  );
  // pointerup comes before click in the same turn; the timeout lets the click land first.
  for (const type of ['pointerup', 'pointercancel']) document.addEventListener(type, () => setTimeout(showWaiting, 0), true);

  form.addEventListener('focusout', (event) => {
    const group = (event.target as Element).closest<HTMLElement>('[data-field]');
    const next = event.relatedTarget;
    // Moving between the radios of one question is not leaving it.
    if (!group || (next instanceof Node && group.contains(next))) return;
    // Going to the submit button: the submit check runs anyway.
    if (next instanceof HTMLButtonElement && next.type === 'submit' && next.form === form) return;
    const problem = checkGroup(group, patterns);
    // Tabbing past an untouched question is not a mistake yet; the submit check still catches it.
    if (!problem || (problem.kind === 'required' && !touched.has(group))) return;
    if (pointerIsDown) waiting.add(group);
    else showProblem(group, problem.message);
  });

  form.addEventListener('submit', (event) => {
    const submitter = event.submitter instanceof HTMLButtonElement ? event.submitter : null;
    // "Save and come back later" keeps what is right and asks again for the rest: no checks stand in its way.
    const later = submitter?.name === '_save';
    if (later && !(currentSession() && form.dataset.signedInStart)) return;
    const problems: { targetId: string; message: string }[] = [];
    for (const group of later ? [] : groups()) {
      const problem = checkGroup(group, patterns);
      showProblem(group, problem?.message ?? null);
      const target = controlsOf(group)[0];
      if (problem && target) problems.push({ targetId: target.id, message: problem.message });
    }
    form.querySelector('[data-error-summary]')?.remove();
    if (problems.length === 0) {
      // A page of a multi-page form goes to its draft as it is; only starting one and sending go signed in.
      if (currentSession() && form.dataset.signedInStart) {
        event.preventDefault();
        void startSignedIn(form, groups(), summaryTitle, submitter);
        return;
      }
      if (currentSession() && form.dataset.signedInAction) {
        event.preventDefault();
        void sendSignedIn(form, groups(), summaryTitle);
      }
      return;
    }
    event.preventDefault();
    showSummary(form, summaryTitle, problems);
  });
}

function showSummary(form: HTMLFormElement, title: string, problems: { targetId: string; message: string }[]) {
  const summary = errorSummary(title, problems);
  form.prepend(summary);
  summary.focus();
}

/** The fields the form would post (the button pressed among them), as a form body. */
function bodyOf(form: HTMLFormElement, submitter?: HTMLButtonElement | null): string {
  const body = new URLSearchParams();
  for (const [name, value] of new FormData(form, submitter ?? undefined)) if (typeof value === 'string') body.append(name, value);
  return body.toString();
}

/** Shows the server's 422 problems inline; false when none could be placed (the plain post then says them). */
function showServerProblems(
  form: HTMLFormElement,
  groups: HTMLElement[],
  summaryTitle: string,
  fields: { field: string; message: string }[],
): boolean {
  const problems: { targetId: string; message: string }[] = [];
  for (const problem of fields) {
    const group = groups.find((g) => g.dataset.field === problem.field);
    const target = group && controlsOf(group)[0];
    if (!group || !target) continue;
    showProblem(group, problem.message);
    problems.push({ targetId: target.id, message: problem.message });
  }
  if (problems.length === 0) return false;
  showSummary(form, summaryTitle, problems);
  return true;
}

/**
 * A signed-in person's first page (decision 0082): the draft is started on the signed-in route, so it is theirs
 * (only their browser gets its key cookie) and later pages are prefilled from their sign-in.
 */
async function startSignedIn(
  form: HTMLFormElement,
  groups: HTMLElement[],
  summaryTitle: string,
  submitter: HTMLButtonElement | null,
) {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  try {
    const response = await fetchSignedIn(new URL(form.dataset.signedInStart ?? form.action, location.href).href, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: bodyOf(form, submitter),
      credentials: 'same-origin',
    });
    if (response.status === 201 || response.status === 200) {
      const { next } = (await response.json()) as { next: string };
      location.assign(next);
      return;
    }
    if (response.status === 422) {
      const { error } = (await response.json()) as { error: { fields?: { field: string; message: string }[] } };
      if (showServerProblems(form, groups, summaryTitle, error.fields ?? [])) return;
    }
  } catch {
    // The network failed: the plain post below says what happened in the site's own pages.
  } finally {
    if (button) button.disabled = false;
  }
  if (submitter) form.requestSubmit(submitter);
  else form.submit();
}

/** The signed-in route (the form's data-signed-in-action), same body, same Idempotency-Key field. */
async function sendSignedIn(form: HTMLFormElement, groups: HTMLElement[], summaryTitle: string) {
  const action = new URL(form.dataset.signedInAction ?? form.action, location.href);
  const locale = action.searchParams.get('lang') ?? document.documentElement.lang;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button) button.disabled = true;
  try {
    const response = await fetchSignedIn(action.href, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body: bodyOf(form),
    });
    if (response.status === 201) {
      const { statusUrl } = (await response.json()) as { statusUrl: string };
      location.assign(`${statusUrl}?submitted=1&lang=${locale}`);
      return;
    }
    if (response.status === 422) {
      const { error } = (await response.json()) as { error: { fields?: { field: string; message: string }[] } };
      if (showServerProblems(form, groups, summaryTitle, error.fields ?? [])) return;
    }
  } catch {
    // The network failed: the plain post below says what happened in the site's own pages.
  } finally {
    if (button) button.disabled = false;
  }
  // Anything else (the sign-in ended, an unexpected answer): the plain post still gets it delivered.
  form.submit();
}

/**
 * Prefill from sign-in on the site's first page (decision 0086): the questions marked data-prefill start with
 * the sign-in's e-mail, name and phone number, if still empty, and say where it came from. The server fills later pages.
 */
function prefill(form: HTMLFormElement, note: string | undefined): void {
  const claims = sessionClaims();
  if (!claims) return;
  const words = (claims.name ?? '').trim().split(/\s+/).filter(Boolean);
  const given = claims.given_name ?? words[0];
  const family = claims.family_name ?? (words.length > 1 ? words.at(-1) : undefined);
  for (const group of form.querySelectorAll<HTMLElement>('[data-prefill]')) {
    const name = group.dataset.field ?? '';
    const kind = group.dataset.prefill;
    const set = (input: HTMLInputElement | null, value: string | undefined) => {
      if (input?.value !== '' || !value) return false;
      input.value = value;
      return true;
    };
    let filled = false;
    if (group.dataset.type === 'name') {
      filled = set(form.querySelector(`[name="${name}-given"]`), given);
      filled = set(form.querySelector(`[name="${name}-family"]`), family) || filled;
    } else {
      const value =
        kind === 'email'
          ? claims.email
          : kind === 'name'
            ? claims.name
            : kind === 'phone'
              ? claims.phone_number
              : kind === 'givenName'
                ? given
                : family;
      filled = set(form.querySelector(`input[name="${name}"]`), value);
    }
    if (filled && note && !group.querySelector('[data-prefilled-note]')) {
      const hint = document.createElement('div');
      hint.className = 'usa-hint';
      hint.dataset.prefilledNote = '';
      hint.textContent = note;
      group.querySelector('label, legend')?.after(hint);
    }
  }
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-portal-form]')) {
  const settings = form.closest<HTMLElement>('[data-form-checks]');
  if (form.dataset.signedInStart) prefill(form, settings?.dataset.prefillNote);
  if (settings) enhance(form, settings);
}

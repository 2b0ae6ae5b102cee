/**
 * Staff pages beyond one case (decision 76): a person's timeline for the staff member's agency, and the agency's
 * unlinked contacts, each with a plain form that links it to a case (by its code) or a person. No JavaScript.
 */
import { Alert } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Link } from '../../components/Link.tsx';
import { Timeline } from '../../components/Timeline.tsx';
import { HiddenFields } from '../../form/HiddenFields.tsx';
import { TextInput } from '../../form/TextInput.tsx';
import type { Lang } from '../../lang.ts';
import { apiPath } from '../../paths.ts';
import type { TimelineItemView } from '../../timeline-view.ts';
import type { PageView } from '../view.ts';
import { StaffBar, type StaffContext } from './StaffBar.tsx';

export function personPage(
  lang: Lang,
  options: { staff: StaffContext; person: string; items: TimelineItemView[]; nextHref?: string | undefined; altHref: string },
): PageView {
  const title = lang.t('person.title');
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-person-page>
        <StaffBar lang={lang} staff={options.staff} />
        <h1>{title}</h1>
        <p>{lang.t('person.intro')}</p>
        <p>
          {lang.t('person.id')} <code class="portal-break-anywhere">{options.person}</code>
        </p>
        <Timeline lang={lang} items={options.items} caseHref={(code) => apiPath('casePage', { code }, { lang: lang.locale })} />
        {options.nextHref && (
          <p>
            <Link href={options.nextHref}>{lang.t('person.older')}</Link>
          </p>
        )}
      </div>
    ),
  };
}

export interface UnlinkedContactView {
  /** The contact's position: what its link form posts to. */
  key: string;
  item: TimelineItemView;
  /** How the other system said to find the person (what staff link by). */
  hint: { label: string; value: string }[];
}

export function unlinkedPage(
  lang: Lang,
  options: {
    staff: StaffContext;
    agency: string;
    contacts: UnlinkedContactView[];
    nextHref?: string | undefined;
    altHref: string;
    /** After a link: which case or person it went to. */
    linked?: string | undefined;
    /** After a link someone else had already made. */
    gone?: boolean | undefined;
    problem?: { key: string; message: string; code: string } | undefined;
  },
): PageView {
  const title = lang.t('unlinked.title');
  const { problem } = options;
  return {
    title,
    altHref: options.altHref,
    content: (
      <div data-unlinked-page>
        <StaffBar lang={lang} staff={options.staff} />
        {problem && (
          <ErrorSummary
            title={lang.t('form.errorSummaryTitle')}
            problems={[{ message: problem.message, href: `#link-code-${problem.key}` }]}
          />
        )}
        <h1>{title}</h1>
        <p>{lang.t('unlinked.intro')}</p>
        {options.linked && <Alert kind="success">{lang.t('unlinked.linked', { target: options.linked })}</Alert>}
        {options.gone && <Alert kind="warning">{lang.t('unlinked.gone')}</Alert>}
        {options.contacts.length === 0 ? (
          <p data-unlinked-empty>{lang.t('unlinked.empty')}</p>
        ) : (
          <ol class="usa-list usa-list--unstyled">
            {options.contacts.map((contact) => (
              <li key={contact.key} class="portal-section" data-unlinked-contact>
                <h2 class="font-heading-md">
                  {contact.item.label} · <DateTime iso={contact.item.occurredAt} locale={lang.locale} />
                </h2>
                {contact.item.summary && <p>{contact.item.summary}</p>}
                <p>{`${contact.item.channelLabel} · ${contact.item.directionLabel} · ${contact.item.actorLabel}`}</p>
                {contact.hint.length > 0 && (
                  <dl>
                    {contact.hint.map((h) => (
                      <div key={h.label}>
                        <dt>{h.label}</dt>
                        <dd class="portal-break-anywhere">{h.value}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                <form
                  class="usa-form"
                  method="post"
                  action={apiPath('linkContactForm', { agency: options.agency, contact: contact.key }, { lang: lang.locale })}
                >
                  <HiddenFields fields={{ _csrf: options.staff.csrf }} />
                  <TextInput
                    id={`link-code-${contact.key}`}
                    name="code"
                    label={lang.t('unlinked.codeLabel')}
                    hint={lang.t('unlinked.codeHint')}
                    width="medium"
                    autocomplete="off"
                    code
                    {...(problem?.key === contact.key && { value: problem.code, error: problem.message })}
                  />
                  <TextInput
                    id={`link-person-${contact.key}`}
                    name="person"
                    label={lang.t('unlinked.personLabel')}
                    hint={lang.t('unlinked.personHint')}
                    autocomplete="off"
                  />
                  <Button variant="outline">{lang.t('unlinked.link')}</Button>
                </form>
              </li>
            ))}
          </ol>
        )}
        {options.nextHref && (
          <p>
            <Link href={options.nextHref}>{lang.t('unlinked.older')}</Link>
          </p>
        )}
      </div>
    ),
  };
}

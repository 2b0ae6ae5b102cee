/**
 * A repeating page ("add another") as a list: one line per item with its summary, a "Change" link and a "Remove"
 * button, a link to add one more (while fewer than the most allowed), and "Save and continue". Every action is a
 * link or a plain POST: it works without JavaScript.
 */
import { answerText } from '#catalog/answer-text';
import type { Form, FormPage, Localized } from '#catalog/schema';
import { Button } from '../components/Button.tsx';
import { safeHref } from '../href.ts';
import type { Lang } from '../lang.ts';
import { HiddenFields } from './HiddenFields.tsx';

export interface GroupSummaryProps {
  form: Form;
  lang: Lang;
  page: FormPage & { group: NonNullable<FormPage['group']> };
  items: Record<string, unknown>[];
  /** "Person 2", as the domain names items in its messages. */
  itemLabel: (index: number) => string;
  /** The page of one item (index = the count: a new one). */
  itemHref: (index: number) => string;
  /** Where removing and continuing are posted. */
  action: string;
  hidden: Record<string, string>;
}

function itemSummary(props: GroupSummaryProps, item: Record<string, unknown>): string {
  const field = props.page.group.fields.find((candidate) => candidate.name === props.page.group.summary);
  return field ? answerText(field, item[field.name], props.lang) : '';
}

const localized = (text: Localized, lang: Lang) => text[lang.locale];

export function GroupSummary(props: GroupSummaryProps) {
  const { lang, page, items } = props;
  const { group } = page;
  return (
    <div class="portal-group" data-group={page.id}>
      <p>{items.length === 0 ? lang.t('form.groupEmpty') : lang.t('form.groupCount', { count: items.length, max: group.max })}</p>
      {items.length > 0 && (
        <ul class="usa-list usa-list--unstyled portal-group-items">
          {items.map((item, index) => (
            <li class="portal-group-item" key={`item-${index}`} data-item={String(index)}>
              <strong>{props.itemLabel(index)}</strong>: {itemSummary(props, item)}{' '}
              <a class="usa-link" href={safeHref(props.itemHref(index))}>
                {lang.t('form.change')}
                <span class="usa-sr-only"> {props.itemLabel(index)}</span>
              </a>
              <form method="post" action={safeHref(props.action)} class="portal-inline-form">
                <HiddenFields fields={{ ...props.hidden, _remove: String(index) }} />
                <Button variant="unstyled">
                  {lang.t('form.remove')}
                  <span class="usa-sr-only"> {props.itemLabel(index)}</span>
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {items.length < group.max && (
        <p>
          <a class="usa-button usa-button--outline" href={safeHref(props.itemHref(items.length))} data-add-item>
            {localized(group.addLabel, lang)}
          </a>
        </p>
      )}
      <form method="post" action={safeHref(props.action)} class="usa-form usa-form--large">
        <HiddenFields fields={{ ...props.hidden, _continue: '1' }} />
        <Button variant="big" extraClass="portal-submit">
          {lang.t('form.continue')}
        </Button>
        <p>
          <Button variant="unstyled" name="_save" value="later" extraClass="portal-save-later" data-save-later>
            {lang.t('form.saveLater')}
          </Button>
        </p>
      </form>
    </div>
  );
}

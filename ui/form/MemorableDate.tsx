/**
 * A date people know by heart (a birthday), as USWDS's memorable date: three boxes, month, day and year, in one
 * fieldset whose legend is the question. Posted as `<name>-month`, `<name>-day` and `<name>-year`; the server reads
 * "3", "15", "2024" (what the hint shows) as 2024-03-15.
 */
import { DATE_PARTS, datePartName } from '#catalog/form-values';
import type { Lang } from '../lang.ts';
import { describedBy, ErrorMessage, type FieldFrame, FormGroup, Hint } from './FormGroup.tsx';

export const datePartId = (frame: Pick<FieldFrame, 'id'>, part: (typeof DATE_PARTS)[number]) => `${frame.id}-${part}`;

const WIDTH: Record<(typeof DATE_PARTS)[number], { group: string; maxLength: number; autocomplete: string }> = {
  month: { group: 'usa-form-group--month', maxLength: 2, autocomplete: 'bday-month' },
  day: { group: 'usa-form-group--day', maxLength: 2, autocomplete: 'bday-day' },
  year: { group: 'usa-form-group--year', maxLength: 4, autocomplete: 'bday-year' },
};

export function MemorableDate(
  props: FieldFrame & {
    lang: Lang;
    /** The boxes as typed (after a mistake) or as split from the answer. */
    parts: Record<(typeof DATE_PARTS)[number], string>;
    /** "bday" when the date is the person's own birthday: the browser may fill it in. */
    autocomplete?: string | undefined;
  },
) {
  const label = { month: props.lang.t('form.month'), day: props.lang.t('form.day'), year: props.lang.t('form.year') };
  return (
    <FormGroup frame={props}>
      <fieldset class="usa-fieldset" aria-describedby={describedBy(props)}>
        <legend class="usa-legend">{props.label}</legend>
        <Hint frame={props} />
        <ErrorMessage frame={props} />
        <div class="usa-memorable-date">
          {DATE_PARTS.map((part) => (
            <div class={`usa-form-group ${WIDTH[part].group}`} key={part}>
              <label class="usa-label" for={datePartId(props, part)}>
                {label[part]}
              </label>
              <input
                class={props.error === undefined ? 'usa-input' : 'usa-input usa-input--error'}
                id={datePartId(props, part)}
                name={datePartName(props.name, part)}
                inputMode="numeric"
                maxLength={WIDTH[part].maxLength}
                value={props.parts[part]}
                autocomplete={props.autocomplete === 'bday' ? WIDTH[part].autocomplete : undefined}
                required={props.required || undefined}
                aria-invalid={props.error === undefined ? undefined : 'true'}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}

/** The plain-language message for each way an answer can be wrong. */
import { describe, expect, it } from 'vitest';
import { bareLabel, defaultMaxLength, messageFor } from '#catalog/form-messages';
import { translate } from '#catalog/i18n';
import type { Field } from '#catalog/schema';
import { strings } from '../../support/forms.ts';

const field = (overrides: Partial<Field>): Field =>
  ({ name: 'q', type: 'text', label: { en: 'Full name', es: 'Nombre completo' }, required: true, ...overrides }) as Field;
const t = (key: string, params?: Record<string, string | number>) => translate(strings, key, 'en', params);

describe('messages for a missing answer', () => {
  it('asks to enter text, to choose an option, or to tick a box, with the label in the sentence', () => {
    expect(messageFor(field({}), 'required', 'en', strings)).toBe(t('validation.required', { label: 'full name' }));
    expect(messageFor(field({ type: 'radio' }), 'required', 'en', strings)).toBe(t('validation.choose', { label: 'full name' }));
    expect(messageFor(field({ type: 'select' }), 'required', 'en', strings)).toBe(t('validation.choose', { label: 'full name' }));
    expect(messageFor(field({ type: 'checkbox' }), 'required', 'en', strings)).toBe(
      t('validation.checkbox', { label: 'full name' }),
    );
  });

  it("uses the form's own words when it has them", () => {
    const own = {
      required: { en: 'Tell us your name', es: 'Díganos su nombre' },
      invalid: { en: 'Not a name', es: 'No es un nombre' },
    };
    expect(messageFor(field({ errors: own }), 'required', 'es', strings)).toBe('Díganos su nombre');
    expect(messageFor(field({ errors: own }), 'invalid', 'en', strings)).toBe('Not a name');
  });

  it('keeps acronyms as written and drops "(optional)" inside the sentence', () => {
    expect(messageFor(field({ label: { en: 'ZIP code', es: 'Código ZIP' } }), 'required', 'en', strings)).toBe(
      t('validation.required', { label: 'ZIP code' }),
    );
    expect(bareLabel(field({ label: { en: 'Phone (optional)  ', es: 'Teléfono (opcional)' } }), 'en')).toBe('Phone');
    expect(bareLabel(field({ label: { en: 'Phone (optional)', es: 'Teléfono (Opcional)' } }), 'es')).toBe('Teléfono');
    expect(bareLabel(field({ label: { en: 'Phone(optional)', es: 'x' } }), 'en')).toBe('Phone');
    expect(bareLabel(field({ label: { en: '(optional) notes', es: 'x' } }), 'en')).toBe('(optional) notes');
    expect(bareLabel(field({ label: { en: 'Notes (optional) here', es: 'x' } }), 'en')).toBe('Notes (optional) here');
    expect(messageFor(field({ label: { en: 'Ab name', es: 'x' } }), 'required', 'en', strings)).toBe(
      t('validation.required', { label: 'ab name' }),
    );
  });
});

describe('messages for an answer that is wrong', () => {
  it('says what a good answer looks like for each kind of question', () => {
    expect(messageFor(field({ type: 'email' }), 'invalid', 'en', strings)).toBe(t('validation.email'));
    expect(messageFor(field({ type: 'tel' }), 'invalid', 'en', strings)).toBe(t('validation.tel'));
    expect(messageFor(field({ type: 'date' }), 'invalid', 'en', strings)).toBe(t('validation.date'));
    expect(messageFor(field({ type: 'radio' }), 'invalid', 'en', strings)).toBe(t('validation.choose', { label: 'full name' }));
    expect(messageFor(field({ type: 'select' }), 'invalid', 'en', strings)).toBe(t('validation.choose', { label: 'full name' }));
    expect(messageFor(field({ type: 'text' }), 'invalid', 'en', strings)).toBe(t('validation.invalid', { label: 'full name' }));
  });

  it('gives the range of a whole number only when it has both ends', () => {
    const label = { en: 'Copies', es: 'Copias' };
    expect(messageFor(field({ type: 'integer', label, minimum: 1, maximum: 10 }), 'invalid', 'en', strings)).toBe(
      t('validation.integerRange', { label: 'copies', min: 1, max: 10 }),
    );
    for (const ends of [{ minimum: 1 }, { maximum: 10 }, {}])
      expect(messageFor(field({ type: 'integer', label, ...ends }), 'invalid', 'en', strings), JSON.stringify(ends)).toBe(
        t('validation.integer', { label: 'copies' }),
      );
  });

  it('gives the limit of a long answer: the field’s own, else 4000 for long text and 200 for the rest', () => {
    expect(messageFor(field({ maxLength: 50 }), 'tooLong', 'en', strings)).toBe(
      t('validation.tooLong', { label: 'full name', max: 50 }),
    );
    expect(messageFor(field({}), 'tooLong', 'en', strings)).toBe(t('validation.tooLong', { label: 'full name', max: 200 }));
    expect(defaultMaxLength(field({ type: 'textarea' }))).toBe(4000);
    expect(defaultMaxLength(field({ type: 'text' }))).toBe(200);
    expect(defaultMaxLength(field({ type: 'textarea', maxLength: 500 }))).toBe(500);
  });
});

/** Prefill from sign-in: the token's e-mail and name, only for questions marked so and not yet answered. */
import { describe, expect, it } from 'vitest';
import type { Form } from '#catalog/schema';
import { claimsForPrefill, prefillAnswers } from '#domain/prefill';

const form = {
  id: 'f',
  version: 1,
  title: { en: 'F', es: 'F' },
  intro: { en: 'F', es: 'F' },
  fields: [
    { name: 'applicantName', type: 'name', label: { en: 'Name', es: 'Nombre' }, required: true, prefill: 'name' },
    { name: 'email', type: 'email', label: { en: 'Email', es: 'Correo' }, required: true, prefill: 'email' },
    { name: 'first', type: 'text', label: { en: 'First', es: 'Nombre' }, required: true, prefill: 'givenName' },
    { name: 'other', type: 'text', label: { en: 'Other', es: 'Otro' }, required: true },
    { name: 'phone', type: 'tel', label: { en: 'Phone', es: 'Teléfono' }, required: false, prefill: 'phone' },
  ],
} as Form;

describe('prefill from sign-in', () => {
  const person = { kind: 'person', subject: 's', groups: ['citizen'], email: 'Ana@Example.com', name: 'Ana María Ruiz' } as const;

  it('fills the marked questions from the token’s claims', () => {
    expect(prefillAnswers(form, claimsForPrefill(person))).toEqual({
      applicantName: { given: 'Ana', family: 'Ruiz' },
      email: 'ana@example.com',
      first: 'Ana',
    });
  });

  it('prefers the token’s own first and last names', () => {
    const claims = claimsForPrefill(person, { givenName: 'Ana María', familyName: 'Ruiz López' });
    expect(prefillAnswers(form, claims).applicantName).toEqual({ given: 'Ana María', family: 'Ruiz López' });
  });

  it('fills a phone question from the token’s verified phone number, and leaves it empty without one', () => {
    expect(prefillAnswers(form, claimsForPrefill(person, { phone: ' +15555550142 ' })).phone).toBe('+15555550142');
    expect(prefillAnswers(form, claimsForPrefill(person))).not.toHaveProperty('phone');
    expect(prefillAnswers(form, claimsForPrefill(person, { phone: '+15555550142' }), { phone: '555 0100' })).not.toHaveProperty(
      'phone',
    );
  });

  it('never overwrites an answer the person gave', () => {
    expect(prefillAnswers(form, claimsForPrefill(person), { email: 'other@example.com' })).not.toHaveProperty('email');
  });

  it('fills nothing for someone not signed in, or questions not marked', () => {
    expect(prefillAnswers(form, claimsForPrefill({ kind: 'anonymous' }))).toEqual({});
    expect(prefillAnswers(form, claimsForPrefill(person))).not.toHaveProperty('other');
  });
});

/** A declaration's time signed is the server's: replaced on every post, kept while the signature is unchanged. */
import { describe, expect, it } from 'vitest';
import type { Form } from '#catalog/schema';
import { signDeclarations } from '#domain/signatures';

const form = {
  id: 'f',
  version: 1,
  title: { en: 'F', es: 'F' },
  intro: { en: 'F', es: 'F' },
  fields: [
    { name: 'declaration', type: 'declaration', label: { en: 'I declare', es: 'Declaro' }, required: true },
    { name: 'note', type: 'text', label: { en: 'Note', es: 'Nota' }, required: false },
  ],
} as Form;
const NOW = new Date('2026-12-01T15:04:05.000Z');

describe('signing a declaration', () => {
  it('sets the time signed to the server’s now, whatever time the browser sent', () => {
    const signed = signDeclarations(
      form,
      { declaration: { agreed: 'yes', name: 'Ana Ruiz', signedAt: '1999-01-01T00:00:00Z' } },
      {},
      NOW,
    );
    expect(signed.declaration).toEqual({ agreed: 'yes', name: 'Ana Ruiz', signedAt: NOW.toISOString() });
  });

  it('keeps the first time signed while the same name stays signed', () => {
    const kept = { declaration: { agreed: 'yes', name: 'Ana Ruiz', signedAt: '2026-11-30T10:00:00.000Z' } };
    const again = signDeclarations(form, { declaration: { agreed: 'yes', name: 'Ana Ruiz' } }, kept, NOW);
    expect((again.declaration as { signedAt: string }).signedAt).toBe('2026-11-30T10:00:00.000Z');
  });

  it('signs again, now, when the typed name changes', () => {
    const kept = { declaration: { agreed: 'yes', name: 'Ana Ruiz', signedAt: '2026-11-30T10:00:00.000Z' } };
    const changed = signDeclarations(form, { declaration: { agreed: 'yes', name: 'Ana M. Ruiz' } }, kept, NOW);
    expect((changed.declaration as { signedAt: string }).signedAt).toBe(NOW.toISOString());
  });

  it('gives no time to a declaration not agreed to or not signed, so the schema refuses it', () => {
    expect(signDeclarations(form, { declaration: { name: 'Ana Ruiz' } }, {}, NOW).declaration).toEqual({ name: 'Ana Ruiz' });
    expect(signDeclarations(form, { declaration: { agreed: 'yes', signedAt: NOW.toISOString() } }, {}, NOW).declaration).toEqual({
      agreed: 'yes',
    });
  });

  it('leaves other answers alone', () => {
    expect(signDeclarations(form, { note: 'hi' }, {}, NOW)).toEqual({ note: 'hi' });
  });
});

/**
 * A complete, valid answer set for each of the catalog forms tests send most (the shape of the current published
 * version: docs/decisions/0085), as a JSON client sends it, and the same answers as a plain form post's fields.
 * Tests override what they are about: `birthCertificateAnswers({ copies: 3, email: 'x@example.com' })`.
 */

const address = { street1: '12 Elm Street', city: 'Springfield', state: 'IL', zip: '62701' };

/** A declaration as a JSON client signs it (the server adds the time: decision 0084). */
export const signedBy = (name: string) => ({ agreed: 'yes', name });

/** Birth certificate request (version 2): the person's own certificate. */
export function birthCertificateAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    relationship: 'self',
    fullName: { given: 'Ana', family: 'Díaz' },
    dateOfBirth: '2019-05-01',
    placeOfBirth: 'Springfield',
    parentOneName: 'María López',
    copies: 1,
    mailingAddress: address,
    email: 'ana@example.com',
    declaration: signedBy('Ana Díaz'),
    ...overrides,
  };
}

/** The branch for someone else's certificate: how the applicant is related, the proof, the reason, their name. */
export function someoneElsesBirthCertificateAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return birthCertificateAnswers({
    relationship: 'other',
    relationToPerson: 'grandchild',
    proofDocument: 'birth-certificates',
    reason: 'To claim her survivor benefits.',
    fullName: { given: 'Rosa', family: 'Díaz' },
    dateOfBirth: '1940-02-11',
    applicantName: { given: 'Ana', family: 'Díaz' },
    ...overrides,
  });
}

/** Driver's license renewal (version 2): not moved, no health changes. */
export function driversLicenseRenewalAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    applicantName: { given: 'Ana', family: 'Díaz' },
    licenseNumber: 'D12345678',
    dateOfBirth: '1985-04-12',
    zipCode: '55501',
    moved: 'no',
    visionChanged: 'no',
    healthCondition: 'no',
    realId: 'no',
    organDonor: 'yes',
    email: 'ana@example.com',
    declaration: signedBy('Ana Díaz'),
    ...overrides,
  };
}

/** Business registration (version 3): one owner, mail at the business address. */
export function businessRegistrationAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    businessName: 'Díaz Bakery LLC',
    businessType: 'llc',
    purpose: 'We bake and sell bread.',
    businessAddress: address,
    sameMailingAddress: 'yes',
    agentName: 'Ana Díaz',
    agentAddress: address,
    owners: [{ ownerName: { given: 'Ana', family: 'Díaz' }, ownerTitle: 'Member', ownershipShare: 100 }],
    yourName: { given: 'Ana', family: 'Díaz' },
    email: 'ana@example.com',
    declaration: signedBy('Ana Díaz'),
    ...overrides,
  };
}

export const FORM_ANSWERS = {
  'birth-certificate-request': birthCertificateAnswers,
  'drivers-license-renewal-request': driversLicenseRenewalAnswers,
  'business-registration-application': businessRegistrationAnswers,
} as const;

/**
 * The answers as a plain HTML form posts them (decision 0081): a name's or an address's parts as `<name>-<part>`,
 * a declaration as `<name>-agree` and `<name>-signature`, numbers and dates as text, `true` as "on". Repeating
 * pages have no whole-form post (each item is its own page), so a list is refused here.
 */
export function formFieldsOf(answers: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(answers)) {
    if (value === undefined || value === false) continue;
    if (Array.isArray(value)) throw new Error(`${name}: a repeating page is posted item by item, not in one form post`);
    if (typeof value === 'object' && value !== null) {
      const parts = value as Record<string, unknown>;
      if ('agreed' in parts) {
        fields[`${name}-agree`] = String(parts.agreed);
        fields[`${name}-signature`] = String(parts.name ?? '');
      } else for (const [part, text] of Object.entries(parts)) fields[`${name}-${part}`] = String(text);
      continue;
    }
    fields[name] = value === true ? 'on' : String(value);
  }
  return fields;
}

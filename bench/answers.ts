/** Valid answers for the forms the benches send; `n` makes each set distinct. */

/** The unemployment benefits application as it is now: six pages, one job, a signed declaration. */
export function unemploymentAnswers(n: number) {
  const address = { street1: '1 Main St', city: 'Springfield', state: 'IL', zip: '55501' };
  return {
    applicantName: { given: `Applicant${n}`, family: 'Rivera' },
    ssn: '123-45-6789',
    dateOfBirth: '1988-04-12',
    citizen: 'yes',
    homeAddress: address,
    email: `applicant${n}@example.com`,
    phone: '555-201-0147',
    employers: [
      {
        employerName: 'Northside Packaging Co.',
        employerAddress: { ...address, street1: '200 Dock Rd' },
        startDate: '2019-03-04',
        endDate: '2026-10-30',
        reasonJobEnded: 'laid-off',
      },
    ],
    separationReason: 'laid-off',
    gotSeverance: 'no',
    ableToWork: 'yes',
    availableForWork: 'yes',
    declaration: { agreed: 'yes', name: `Applicant${n} Rivera` },
  };
}

import { describe, expect, it } from 'vitest';
import {
  ANONYMOUS,
  type Caller,
  canActForAgency,
  canReadAudit,
  canReadRecord,
  canWorkCase,
  isAdmin,
  ownerOf,
  type RouteAuth,
  routeAccess,
  staffAgenciesOf,
} from '#domain/authorization';

const citizenA: Caller = { kind: 'person', subject: 'sub-a', groups: ['citizen'] };
const citizenB: Caller = { kind: 'person', subject: 'sub-b', groups: ['citizen'] };
const staffX: Caller = { kind: 'person', subject: 'sub-x', groups: ['staff:motor-vehicles'] };
const staffY: Caller = { kind: 'person', subject: 'sub-y', groups: ['staff:revenue'] };
const admin: Caller = { kind: 'person', subject: 'sub-admin', groups: ['admin'] };
const machine: Caller = { kind: 'machine', clientId: 'contact-centre', scopes: ['frontdoor/interactions'] };

const callers = { anonymous: ANONYMOUS, citizenA, citizenB, staffX, staffY, admin, machine } as const;
type Who = keyof typeof callers;

/** A's submission to motor vehicles, and one sent by nobody signed in. */
const aRecord = { ownerSubject: 'sub-a', agency: 'motor-vehicles' };
const anonymousRecord = { ownerSubject: undefined, agency: 'motor-vehicles' };

describe('reading a record (answers, payments, timeline)', () => {
  const expected: Record<Who, [boolean, boolean]> = {
    // [A's record, an anonymous record]
    anonymous: [false, false],
    citizenA: [true, false],
    citizenB: [false, false],
    staffX: [true, true],
    staffY: [false, false],
    admin: [false, false],
    machine: [false, false],
  };
  for (const [who, [own, anon]] of Object.entries(expected) as [Who, [boolean, boolean]][]) {
    it(`${who}: A's record ${own ? 'yes' : 'no'}, an anonymous record ${anon ? 'yes' : 'no'}`, () => {
      expect(canReadRecord(callers[who], aRecord)).toBe(own);
      expect(canReadRecord(callers[who], anonymousRecord)).toBe(anon);
    });
  }

  it('a subject that merely looks empty never matches an anonymous record', () => {
    const blank: Caller = { kind: 'person', subject: '', groups: ['citizen'] };
    expect(canReadRecord(blank, { ownerSubject: '', agency: 'revenue' })).toBe(false);
  });
});

describe('acting for an agency (status changes, refunds)', () => {
  it('only that agency’s staff', () => {
    expect(canActForAgency(staffX, 'motor-vehicles')).toBe(true);
    expect(canActForAgency(staffX, 'revenue')).toBe(false);
    expect(canActForAgency(staffY, 'motor-vehicles')).toBe(false);
    for (const who of [ANONYMOUS, citizenA, admin, machine]) expect(canActForAgency(who, 'motor-vehicles')).toBe(false);
  });

  it('a group that only starts like a staff group grants nothing', () => {
    const sneaky: Caller = { kind: 'person', subject: 's', groups: ['staff:motor-vehicles-contractors', 'staff'] };
    expect(canActForAgency(sneaky, 'motor-vehicles')).toBe(false);
  });
});

describe('working a case and reading the audit trail', () => {
  const adminStaffX: Caller = { kind: 'person', subject: 'sub-ax', groups: ['staff:motor-vehicles', 'admin'] };
  const all = { ...callers, adminStaffX } as const;
  // [work a motor-vehicles case, work a revenue case, read the audit trail]
  const expected: Record<keyof typeof all, [boolean, boolean, boolean]> = {
    anonymous: [false, false, false],
    citizenA: [false, false, false],
    citizenB: [false, false, false],
    staffX: [true, false, false],
    staffY: [false, true, false],
    admin: [false, false, true],
    machine: [false, false, false],
    adminStaffX: [true, false, true],
  };
  for (const [who, [mv, revenue, audit]] of Object.entries(expected) as [keyof typeof all, [boolean, boolean, boolean]][]) {
    it(`${who}: motor-vehicles case ${mv ? 'yes' : 'no'}, revenue case ${revenue ? 'yes' : 'no'}, audit ${audit ? 'yes' : 'no'}`, () => {
      expect(canWorkCase(all[who], { agency: 'motor-vehicles' })).toBe(mv);
      expect(canWorkCase(all[who], { agency: 'revenue' })).toBe(revenue);
      expect(canReadAudit(all[who])).toBe(audit);
    });
  }

  it('the owner of a case cannot work it, even when they are staff of another agency', () => {
    const ownerStaffY: Caller = { kind: 'person', subject: 'sub-a', groups: ['citizen', 'staff:revenue'] };
    expect(canWorkCase(ownerStaffY, { agency: 'motor-vehicles' })).toBe(false);
  });
});

describe('route access, before any handler runs', () => {
  const auths: RouteAuth[] = [
    'public',
    'citizen',
    'staff',
    'staff:motor-vehicles',
    'admin',
    'machine:interactions',
    'machine:bills',
  ];
  const expected: Record<Who, string[]> = {
    //            public   citizen      staff        staff:mv     admin        m:interactions m:bills
    anonymous: ['allow', 'sign-in', 'sign-in', 'sign-in', 'sign-in', 'sign-in', 'sign-in'],
    citizenA: ['allow', 'allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
    citizenB: ['allow', 'allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
    staffX: ['allow', 'allow', 'allow', 'allow', 'forbidden', 'forbidden', 'forbidden'],
    staffY: ['allow', 'allow', 'allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
    admin: ['allow', 'allow', 'forbidden', 'forbidden', 'allow', 'forbidden', 'forbidden'],
    machine: ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'allow', 'forbidden'],
  };
  for (const [who, row] of Object.entries(expected) as [Who, string[]][]) {
    it(`${who}: ${row.join(', ')}`, () => {
      expect(auths.map((auth) => routeAccess(callers[who], auth))).toEqual(row);
    });
  }
});

describe('the owner of a new record', () => {
  it('is the signed-in person, never a machine or nobody', () => {
    expect(ownerOf(citizenA)).toBe('sub-a');
    expect(ownerOf(machine)).toBeUndefined();
    expect(ownerOf(ANONYMOUS)).toBeUndefined();
  });
});

describe('the pieces the rules are made of', () => {
  it('finds no staff agencies, and no admin, on anyone but a person', () => {
    for (const who of [ANONYMOUS, machine]) {
      expect(staffAgenciesOf(who)).toEqual([]);
      expect(isAdmin(who)).toBe(false);
    }
    expect(isAdmin(admin)).toBe(true);
    expect(
      staffAgenciesOf({ kind: 'person', subject: 's', groups: ['staff:revenue', 'citizen', 'staff:motor-vehicles'] }),
    ).toEqual(['revenue', 'motor-vehicles']);
  });

  it('links a new record to a signed-in person only, never to a blank subject', () => {
    expect(ownerOf(citizenA)).toBe('sub-a');
    expect(ownerOf({ kind: 'person', subject: '', groups: ['citizen'] })).toBeUndefined();
    expect(ownerOf(machine)).toBeUndefined();
    expect(ownerOf(ANONYMOUS)).toBeUndefined();
  });
});

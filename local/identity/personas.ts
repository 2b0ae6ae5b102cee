/**
 * The people you can be locally. Each sandbox identity provider offers the personas of its audience: the
 * citizen providers (Login.gov, ID.me, Google) two citizens, the agency's staff provider one staff member
 * per agency, an administrator per agency and a portal administrator. Their groups are decided as on AWS (domain/token-groups.ts): a staff member
 * is staff of their agency only if their staff IdP may grant it (agency.config.json). A persona is the SAME person whichever provider they pick (the same
 * `sub`), as Cognito makes them once their identities are linked.
 */
import { createHash } from 'node:crypto';
import { loadCatalog } from '#catalog/load';
import { ADMIN_GROUP } from '#domain/authorization';

export interface Persona {
  id: string;
  /** Stable, UUID-shaped like a Cognito `sub`. */
  sub: string;
  name: string;
  email: string;
  /** A verified phone number (E.164), when the persona has one: the sign-in's `phone_number`, for prefill. */
  phone?: string;
  audience: 'citizen' | 'staff';
  /** What a staff directory asserts about them: the agencies they work for (the SAML agencies claim). */
  asserts: string[];
  /** The Cognito groups an operator put them in (`admin`). */
  memberOf: string[];
  /** One line on the chooser, e.g. "Citizen" or "Staff, Department of Revenue". */
  role: { en: string; es: string };
}

function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(`front-door-local:${seed}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function persona(
  id: string,
  name: string,
  audience: Persona['audience'],
  role: Persona['role'],
  given: { asserts?: string[]; memberOf?: string[]; phone?: string } = {},
): Persona {
  return { id, sub: uuidFrom(id), name, email: `${id}@example.com`, audience, asserts: [], memberOf: [], ...given, role };
}

let cached: Persona[] | undefined;

export function personas(): Persona[] {
  if (cached) return cached;
  const catalog = loadCatalog();
  cached = [
    // Ana has a verified phone number (prefilled on forms); Ben has none.
    persona('ana.rivera', 'Ana Rivera', 'citizen', { en: 'Citizen', es: 'Ciudadana' }, { phone: '+15555550142' }),
    persona('ben.okafor', 'Ben Okafor', 'citizen', { en: 'Citizen', es: 'Ciudadano' }),
    ...[...catalog.agencies.values()].map((agency) =>
      persona(
        `staff.${agency.id}`,
        `${agency.shortName.en} Staff`,
        'staff',
        { en: `Staff, ${agency.name.en}`, es: `Personal, ${agency.name.es}` },
        { asserts: [agency.id] },
      ),
    ),
    // An agency's administrators: staff of the agency whom an operator also put in the admin group (they read
    // what the agency's staff did: the activity page).
    ...[...catalog.agencies.values()].map((agency) =>
      persona(
        `admin.${agency.id}`,
        `${agency.shortName.en} Administrator`,
        'staff',
        { en: `Administrator, ${agency.name.en}`, es: `Administración, ${agency.name.es}` },
        { asserts: [agency.id], memberOf: [ADMIN_GROUP] },
      ),
    ),
    persona('admin', 'Portal Administrator', 'staff', { en: 'Administrator', es: 'Administrador' }, { memberOf: [ADMIN_GROUP] }),
  ];
  return cached;
}

export function personaBySub(sub: string): Persona | undefined {
  return personas().find((p) => p.sub === sub);
}

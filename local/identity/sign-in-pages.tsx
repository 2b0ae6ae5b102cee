/**
 * The local issuer's pages (npm start only): which provider to sign in with, which sandbox person to be,
 * and what went wrong. In the site's look, from the same components as every other page.
 */
import type { Locale } from '#catalog/locales';
import { Alert } from '#ui/components/Alert.tsx';
import { Button, ButtonLink } from '#ui/components/Button.tsx';
import { Link } from '#ui/components/Link.tsx';
import { HiddenFields } from '#ui/form/HiddenFields.tsx';
import type { PageView } from '#ui/pages/view.ts';
import { pageHref, pages } from '#ui/paths.ts';
import type { IdentityProviderChoice } from '../../infra/config.ts';
import type { Persona } from './personas.ts';

const TEXT = {
  en: {
    title: 'Sign in',
    intro: 'This is the local sandbox: no real account is used. Choose how to sign in.',
    with: 'Sign in with',
    sandbox: 'Sandbox:',
    pick: 'Choose who to be. Each person is the same account whichever provider you pick.',
    other: 'Choose another way to sign in',
    expiredTitle: 'Sign in again',
    expired: 'This sign-in has expired or was started in another browser.',
    again: 'Sign in again',
  },
  es: {
    title: 'Iniciar sesión',
    intro: 'Este es el entorno local de prueba: no se usa ninguna cuenta real. Elija cómo iniciar sesión.',
    with: 'Iniciar sesión con',
    sandbox: 'Prueba:',
    pick: 'Elija quién ser. Cada persona es la misma cuenta con cualquier proveedor.',
    other: 'Elegir otra forma de iniciar sesión',
    expiredTitle: 'Inicie sesión otra vez',
    expired: 'Este inicio de sesión venció o se empezó en otro navegador.',
    again: 'Iniciar sesión otra vez',
  },
} satisfies Record<Locale, Record<string, string>>;

/** "Sign in with Login.gov / ID.me / …": one button per provider the agency config enables. */
export function chooserView(
  locale: Locale,
  choices: { provider: IdentityProviderChoice; href: string }[],
  problem?: string,
): PageView {
  const t = TEXT[locale];
  return {
    title: t.title,
    altHref: pageHref(locale === 'en' ? 'es' : 'en', pages.home()),
    content: (
      <>
        <h1>{t.title}</h1>
        {problem !== undefined && <Alert kind="error">{problem}</Alert>}
        <p class="usa-intro">{t.intro}</p>
        <ul class="usa-list usa-list--unstyled">
          {choices.map(({ provider, href }) => (
            <li class="margin-bottom-2" key={provider.id}>
              <ButtonLink variant="outline" href={href}>{`${t.with} ${provider.label}`}</ButtonLink>
            </li>
          ))}
        </ul>
      </>
    ),
  };
}

/** "Sandbox: Login.gov — choose who to be": one button per sandbox person of the provider's audience. */
export function personaView(
  locale: Locale,
  options: { via: IdentityProviderChoice | undefined; people: Persona[]; action: string; otherWays: string; problem?: string },
): PageView {
  const t = TEXT[locale];
  const heading = `${t.sandbox} ${options.via?.label ?? ''}`;
  return {
    title: heading,
    altHref: pageHref(locale === 'en' ? 'es' : 'en', pages.home()),
    content: (
      <>
        <h1>{heading}</h1>
        {options.problem !== undefined && <Alert kind="error">{options.problem}</Alert>}
        <p class="usa-intro">{t.pick}</p>
        <form method="post" action={options.action}>
          <HiddenFields fields={{ idp: options.via?.id ?? '' }} />
          <ul class="usa-list usa-list--unstyled">
            {options.people.map((person) => (
              <li class="margin-bottom-2" key={person.id}>
                <Button name="persona" value={person.id}>{`${person.name} — ${person.role[locale]}`}</Button>
              </li>
            ))}
          </ul>
        </form>
        <p>
          <Link href={options.otherWays}>{t.other}</Link>
        </p>
      </>
    ),
  };
}

/** A sign-in page opened without its cookie (expired, or started in another browser): start again from My account. */
export function expiredView(locale: Locale): PageView {
  const t = TEXT[locale];
  return {
    title: t.expiredTitle,
    altHref: pageHref(locale === 'en' ? 'es' : 'en', pages.account()),
    content: (
      <>
        <h1>{t.expiredTitle}</h1>
        <Alert kind="error">{t.expired}</Alert>
        <p>
          <ButtonLink href={pageHref(locale, pages.account())}>{t.again}</ButtonLink>
        </p>
      </>
    ),
  };
}

/** A sign-in or sign-out that cannot go on, and why. */
export function problemView(heading: string, message: string): PageView {
  return {
    title: heading,
    altHref: pageHref('es', pages.home()),
    content: (
      <>
        <h1>{heading}</h1>
        <Alert kind="error">{message}</Alert>
        <p>
          <Link href={pageHref('en', pages.home())}>Home</Link>
        </p>
      </>
    ),
  };
}

/** USWDS buttons: a real <button> for actions in a form, a link styled as a button for going somewhere. */
import type { ComponentChildren } from 'preact';
import { safeHref } from '../href.ts';

export type ButtonVariant = 'default' | 'outline' | 'big' | 'unstyled';

const VARIANT_CLASS: Record<ButtonVariant, string> = {
  default: 'usa-button',
  outline: 'usa-button usa-button--outline',
  big: 'usa-button usa-button--big',
  unstyled: 'usa-button usa-button--unstyled',
};

export function Button({
  variant = 'default',
  type = 'submit',
  extraClass,
  name,
  value,
  children,
  ...data
}: {
  variant?: ButtonVariant;
  type?: 'submit' | 'button';
  /** A portal-* class for layout. */
  extraClass?: string;
  /** Which button was pressed, when a form has several ("persona" = "ana"). */
  name?: string;
  value?: string;
  children: ComponentChildren;
  [dataAttribute: `data-${string}`]: string | boolean;
}) {
  return (
    <button
      class={extraClass ? `${VARIANT_CLASS[variant]} ${extraClass}` : VARIANT_CLASS[variant]}
      type={type}
      name={name}
      value={value}
      {...data}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  href,
  variant = 'default',
  children,
}: {
  href: string;
  variant?: ButtonVariant;
  children: ComponentChildren;
}) {
  return (
    <a class={VARIANT_CLASS[variant]} href={safeHref(href)}>
      {children}
    </a>
  );
}

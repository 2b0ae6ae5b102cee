/**
 * The response headers every page and API answer carries. The local server sends them now; the
 * CloudFront response headers policy is built from the same list, so a CSP mistake shows up locally first.
 */
/**
 * Where a plain "Pay" form post is redirected (303) to the payment provider's hosted checkout: browsers apply
 * form-action to the redirect too, so the provider's checkout origin must be allowed or payment without
 * JavaScript breaks. Stripe Checkout is served from checkout.stripe.com (add a custom checkout domain here).
 */
export const PAYMENT_CHECKOUT_ORIGINS = ['https://checkout.stripe.com'];

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // No inline scripts anywhere, and no WebAssembly (site search runs in a function: decision 50).
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  `form-action 'self' ${PAYMENT_CHECKOUT_ORIGINS.join(' ')}`,
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The same headers with more origins a form may post (or be redirected) to: on AWS the user pool's domain, where
 * the staff pages' sign-out form is sent on to (decision 61). Locally the pool is this origin, so nothing is added.
 */
export function withFormActionOrigins(headers: Record<string, string>, origins: readonly string[]): Record<string, string> {
  const csp = headers['content-security-policy'] ?? '';
  if (origins.length === 0) return headers;
  return {
    ...headers,
    'content-security-policy': csp.replace(
      /form-action ([^;]*)/,
      (_, sources: string) => `form-action ${sources} ${origins.join(' ')}`,
    ),
  };
}

/**
 * The same headers allowing the uploads bucket (decision 0110): a file question's page posts the file straight
 * to it (form-action) and, with JavaScript, sends it there itself to show progress (connect-src).
 */
export function withUploadOrigin(headers: Record<string, string>, origin: string): Record<string, string> {
  const csp = headers['content-security-policy'] ?? '';
  return {
    ...headers,
    'content-security-policy': csp
      .replace(/form-action ([^;]*)/, (_, sources: string) => `form-action ${sources} ${origin}`)
      .replace(/connect-src ([^;]*)/, (_, sources: string) => `connect-src ${sources} ${origin}`),
  };
}

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

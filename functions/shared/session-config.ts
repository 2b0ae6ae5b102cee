/**
 * The staff pages' sign-in (decision 60), read on first use by the functions whose routes need it and then kept:
 * the user pool's issuer and domain and the site's app client (infra/stacks/app-stack.ts sets them from the
 * Identity construct; the local runtime from its issuer), and where the CSRF key is — a Secrets Manager secret on
 * AWS (SECRET_ARN_STAFF_SESSION, from the route table's `secrets`), the key itself locally (STAFF_SESSION_SECRET).
 * A missing value fails with its name.
 */
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';
import { portalOrigin } from './config.ts';

const required = (key: string, what: string) => getStringFromEnv({ key, errorMessage: `${key} is not set: ${what}` });

export function staffSessionConfig() {
  const secretArn = process.env.SECRET_ARN_STAFF_SESSION || undefined;
  const secretText = process.env.STAFF_SESSION_SECRET || undefined;
  if (!secretArn && !secretText)
    throw new Error("SECRET_ARN_STAFF_SESSION is not set: the secret whose value keys the staff pages' CSRF tokens");
  return {
    issuer: required('USER_POOL_ISSUER', "the user pool's token issuer (https://cognito-idp.<region>.amazonaws.com/<pool id>)"),
    clientId: required('USER_POOL_CLIENT_ID', "the site's app client id"),
    /** Where /oauth2/authorize, /oauth2/token and /logout are (the pool's domain; the issuer itself locally). */
    domain: required('USER_POOL_DOMAIN', "the user pool's domain, https://<prefix>.auth.<region>.amazoncognito.com"),
    portalOrigin: portalOrigin(),
    secretArn,
    secretText,
  } as const;
}

export type StaffSessionConfig = ReturnType<typeof staffSessionConfig>;

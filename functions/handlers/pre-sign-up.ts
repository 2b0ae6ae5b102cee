/**
 * Cognito PreSignUp trigger: someone signs in through a federated identity provider for the first time.
 * Joins the identity to the existing user with the same verified e-mail when the rules allow
 * (domain/account-linking.ts), then stops this sign-in so the site starts it again into the linked user.
 */
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { cognitoAdminClient, cognitoUserDirectory } from '#adapters/cognito-admin';
import { AccountLinkedError, handleFirstSignIn, parseFederatedUsername, SignInRefusedError } from '#domain/account-linking';
import { federationConfig } from '#shared/identity-config';
import { logger } from '#shared/logger';
import { withTrigger } from '#shared/with-trigger';

const { providers } = federationConfig();
const client = cognitoAdminClient();

const lambdaHandler = async (event: PreSignUpTriggerEvent) => {
  // Local users are made by operators (AdminCreateUser) or not at all: nothing to decide for them.
  if (event.triggerSource !== 'PreSignUp_ExternalProvider') return event;
  const identity = parseFederatedUsername(event.userName, providers);
  if (!identity) {
    logger.warn('First sign-in from an identity provider that is not configured: created as is');
    return event;
  }
  const attributes = event.request.userAttributes;
  const decision = await handleFirstSignIn(
    {
      ...identity,
      email: attributes.email,
      emailVerified: attributes.email_verified?.toLowerCase() === 'true',
    },
    { directory: cognitoUserDirectory(client, event.userPoolId, providers), providers },
  );
  // Provider and outcome only: no addresses or usernames in logs.
  logger.info('First sign-in', {
    provider: identity.provider.name,
    action: decision.action,
    ...(decision.action !== 'link' && { reason: decision.reason }),
  });
  if (decision.action === 'link') throw new AccountLinkedError();
  if (decision.action === 'refuse') throw new SignInRefusedError(decision.reason);
  return event;
};

export const handler = withTrigger(lambdaHandler);

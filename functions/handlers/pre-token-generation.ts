/**
 * Cognito Pre Token Generation trigger (event version 2, so groups reach the access token the API checks):
 * sets `cognito:groups` from how the person signed in (domain/token-groups.ts), at every sign-in and refresh, and
 * puts the person's name and e-mail in the access token too: the staff pages know their user by that token alone
 * (decision 60), and the audit trail names who acted.
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { tokenGroups } from '#domain/token-groups';
import { federationConfig } from '#shared/identity-config';
import { withTrigger } from '#shared/with-trigger';

const { providers, agencies } = federationConfig();

const lambdaHandler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const { userAttributes, groupConfiguration } = event.request;
  const groups = tokenGroups(
    { username: event.userName, userAttributes, memberOf: groupConfiguration.groupsToOverride ?? [] },
    { providers, agencies },
  );
  const { name, email } = userAttributes;
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      groupOverrideDetails: { ...groupConfiguration, groupsToOverride: groups },
      ...((name || email) && {
        accessTokenGeneration: { claimsToAddOrOverride: { ...(name && { name }), ...(email && { email }) } },
      }),
    },
  };
  return event;
};

export const handler = withTrigger(lambdaHandler);

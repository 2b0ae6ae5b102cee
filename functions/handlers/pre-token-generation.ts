/**
 * Cognito Pre Token Generation trigger (event version 2, so groups reach the access token the API checks):
 * sets `cognito:groups` from how the person signed in (domain/token-groups.ts), at every sign-in and refresh, and
 * puts the person's name and e-mail (and a verified phone number, for prefill) in the access token too: the staff pages know their user by that token alone
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
  // A phone number only when verified: it prefills forms' phone questions (decision 0086).
  const phone = userAttributes.phone_number_verified === 'true' ? userAttributes.phone_number : undefined;
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      groupOverrideDetails: { ...groupConfiguration, groupsToOverride: groups },
      ...((name || email || phone) && {
        accessTokenGeneration: {
          claimsToAddOrOverride: { ...(name && { name }), ...(email && { email }), ...(phone && { phone_number: phone }) },
        },
      }),
    },
  };
  return event;
};

export const handler = withTrigger(lambdaHandler);

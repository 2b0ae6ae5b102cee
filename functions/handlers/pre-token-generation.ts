/**
 * Cognito Pre Token Generation trigger (event version 2, so groups reach the access token the API checks):
 * sets `cognito:groups` from how the person signed in (domain/token-groups.ts), at every sign-in and refresh.
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
  event.response = {
    claimsAndScopeOverrideDetails: {
      ...event.response?.claimsAndScopeOverrideDetails,
      groupOverrideDetails: { ...groupConfiguration, groupsToOverride: groups },
    },
  };
  return event;
};

export const handler = withTrigger(lambdaHandler);

import { CfnOutput, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  type CfnApi,
  type CfnStage,
  type HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type HttpStage,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { loginGovEndpointsOf } from '../../functions/domain/login-gov-proxy.ts';
import { PortalApi } from './portal-api.ts';
import { PortalFunction } from './portal-function.ts';
import type { Throttle } from './route-throttling.ts';

/**
 * Sign-ins, not submissions: a few per second even on a busy day. Cognito's own token calls come from a
 * handful of AWS addresses, so the limit is per route, not per caller.
 */
export const LOGIN_GOV_PROXY_THROTTLE: Throttle = { rateLimit: 50, burstLimit: 100 };

export interface LoginGovProxyProps {
  loginGov: { issuer: string; clientId: string; acrValues: string };
  /** Encrypts the functions' log groups and environment, and the access logs. */
  operationsKey: IKey;
  /** Encrypts the two secrets. */
  secretsKey: IKey;
}

/**
 * The Login.gov authorize/token proxy (decision 0032): a small HTTP API of its own with two routes, one
 * function each (functions/handlers/login-gov-authorize.ts and login-gov-token.ts), throttled and logged
 * like the portal's API; and two secrets:
 * - `privateKey`: the PEM private key whose certificate is registered at Login.gov (the operator puts it
 *   there after the first deployment; docs/identity.md). Only the token function can read it.
 * - `clientSecret`: generated here; Cognito's Login.gov provider sends it and the token function checks it,
 *   so nobody but this user pool can use the proxy.
 * Cognito reads Login.gov's user info and signing keys directly.
 */
export class LoginGovProxy extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly authorizeFunction: PortalFunction;
  readonly tokenFunction: PortalFunction;
  readonly routes: HttpRoute[];
  readonly privateKey: Secret;
  readonly clientSecret: Secret;
  /** The endpoints Cognito's Login.gov provider is given. */
  readonly endpoints: { authorization: string; token: string; userInfo: string; jwksUri: string };

  constructor(scope: Construct, id: string, props: LoginGovProxyProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const loginGov = loginGovEndpointsOf(props.loginGov.issuer);

    this.privateKey = new Secret(this, 'PrivateKey', {
      description:
        'Front Door Login.gov proxy: the PEM private key whose certificate is registered at Login.gov (docs/identity.md)',
      encryptionKey: props.secretsKey,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.clientSecret = new Secret(this, 'ClientSecret', {
      description: 'Front Door Login.gov proxy: what Cognito authenticates to the proxy with (generated)',
      encryptionKey: props.secretsKey,
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });

    // The portal API's construct (KMS-encrypted JSON access logs without query strings or bodies, which carry
    // authorization codes here), with its own routes and limits instead of the route table.
    const api = new PortalApi(this, 'Api', { operationsKey: props.operationsKey });
    (api.httpApi.node.defaultChild as CfnApi).description =
      'Front Door Login.gov proxy: Cognito federates Login.gov through it (private_key_jwt, acr_values, nonce)';
    this.httpApi = api.httpApi;
    this.stage = api.stage;
    this.accessLogs = api.accessLogs;

    const apiUrl = this.httpApi.apiEndpoint;
    this.endpoints = {
      authorization: `${apiUrl}/authorize`,
      token: `${apiUrl}/token`,
      userInfo: loginGov.userInfo,
      jwksUri: loginGov.jwksUri,
    };

    this.authorizeFunction = new PortalFunction(this, 'Authorize', {
      handler: 'login-gov-authorize',
      description: 'Login.gov proxy: GET /authorize (adds acr_values and a nonce)',
      operationsKey: props.operationsKey,
      memorySize: 512,
      environment: {
        LOGIN_GOV_CLIENT_ID: props.loginGov.clientId,
        LOGIN_GOV_ACR_VALUES: props.loginGov.acrValues,
        LOGIN_GOV_AUTHORIZE_ENDPOINT: loginGov.authorization,
      },
    });
    this.tokenFunction = new PortalFunction(this, 'Token', {
      handler: 'login-gov-token',
      description: 'Login.gov proxy: POST /token (signs the private_key_jwt client assertion)',
      operationsKey: props.operationsKey,
      memorySize: 512,
      environment: {
        LOGIN_GOV_CLIENT_ID: props.loginGov.clientId,
        LOGIN_GOV_TOKEN_ENDPOINT: loginGov.token,
        LOGIN_GOV_PRIVATE_KEY_SECRET: this.privateKey.secretArn,
        LOGIN_GOV_PROXY_SECRET: this.clientSecret.secretArn,
      },
    });
    this.tokenFunction.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['secretsmanager:GetSecretValue'],
        resources: [this.privateKey.secretArn, this.clientSecret.secretArn],
      }),
    );
    this.tokenFunction.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [props.secretsKey.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
      }),
    );

    this.routes = [
      new HttpRoute(this, 'AuthorizeRoute', {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with('/authorize', HttpMethod.GET),
        integration: new HttpLambdaIntegration('AuthorizeIntegration', this.authorizeFunction.function),
      }),
      new HttpRoute(this, 'TokenRoute', {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with('/token', HttpMethod.POST),
        integration: new HttpLambdaIntegration('TokenIntegration', this.tokenFunction.function),
      }),
    ];
    // Every route its own limit, like the portal's API (API Gateway refuses settings for routes not yet made).
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    const { rateLimit, burstLimit } = LOGIN_GOV_PROXY_THROTTLE;
    cfnStage.defaultRouteSettings = {
      throttlingRateLimit: rateLimit,
      throttlingBurstLimit: burstLimit,
      detailedMetricsEnabled: true,
    };
    // RouteSettings is a plain JSON map in CloudFormation: CDK does not capitalise its keys.
    const limits = { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit, DetailedMetricsEnabled: true };
    cfnStage.routeSettings = { 'GET /authorize': limits, 'POST /token': limits };
    for (const route of this.routes) this.stage.node.addDependency(route);

    new CfnOutput(this, 'PrivateKeySecretArn', {
      value: this.privateKey.secretArn,
      description: 'Put the PEM private key registered at Login.gov here (docs/identity.md)',
    });
    new CfnOutput(this, 'Url', { value: apiUrl, description: 'The Login.gov proxy (Cognito calls it; nothing to configure)' });
  }
}

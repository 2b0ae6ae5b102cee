/**
 * The AWS services the identity functions call, played locally over the AWS JSON protocol so the real SDK
 * clients talk to them (endpoint override), as DynamoDB Local does for the table:
 * - Cognito's admin calls account linking makes (ListUsers by e-mail, AdminLinkProviderForUser), on a user pool
 *   holding the local citizens as if each had first signed in through the first citizen provider;
 * - Secrets Manager's GetSecretValue, for the Login.gov proxy's private key and its shared secret with Cognito.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readText } from '../http.ts';
import { personas } from './personas.ts';

export interface AwsIdentityServices {
  endpoint: string;
  /** Environment that points the functions' SDK clients at these services. */
  env: Record<string, string>;
  /** The identities linked so far (AdminLinkProviderForUser). */
  links: { destination: string; source: string }[];
  close(): Promise<void>;
}

export const LOCAL_SECRETS = {
  loginGovPrivateKey: 'local/login-gov-private-key',
  loginGovProxySecret: 'local/login-gov-proxy-secret',
} as const;

/** What Cognito authenticates to the Login.gov proxy with, locally. */
export const LOCAL_LOGIN_GOV_PROXY_SECRET = 'local-login-gov-proxy-secret';

const MAX_BODY = 64 * 1024;

export async function startAwsIdentityServices(options: { citizenProvider: string }): Promise<AwsIdentityServices> {
  const links: AwsIdentityServices['links'] = [];
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secrets: Record<string, string> = {
    [LOCAL_SECRETS.loginGovPrivateKey]: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    [LOCAL_SECRETS.loginGovProxySecret]: LOCAL_LOGIN_GOV_PROXY_SECRET,
  };
  const users = personas()
    .filter((p) => p.audience === 'citizen')
    .map((p) => ({
      Username: `${options.citizenProvider}_${p.id}`,
      Enabled: true,
      UserStatus: 'EXTERNAL_PROVIDER',
      UserCreateDate: 1_767_000_000,
      Attributes: [
        { Name: 'sub', Value: p.sub },
        { Name: 'email', Value: p.email },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: p.name },
        ...(p.phone
          ? [
              { Name: 'phone_number', Value: p.phone },
              { Name: 'phone_number_verified', Value: 'true' },
            ]
          : []),
        {
          Name: 'identities',
          Value: JSON.stringify([{ providerName: options.citizenProvider, userId: p.id, providerType: 'OIDC', primary: 'true' }]),
        },
      ],
    }));

  const operations: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    ListUsers(body) {
      // The only filter account linking sends: email = "…" (with \" and \\ escaped).
      const wanted = /^email = "((?:[^"\\]|\\.)*)"$/.exec(String(body.Filter ?? ''))?.[1]?.replace(/\\(.)/g, '$1');
      return { Users: users.filter((u) => u.Attributes.some((a) => a.Name === 'email' && a.Value === wanted)) };
    },
    AdminLinkProviderForUser(body) {
      const { DestinationUser: to, SourceUser: from } = body as Record<string, Record<string, string>>;
      links.push({
        destination: `${to?.ProviderName}:${to?.ProviderAttributeValue}`,
        source: `${from?.ProviderName}:${from?.ProviderAttributeValue}`,
      });
      return {};
    },
    GetSecretValue(body) {
      const value = secrets[String(body.SecretId)];
      if (value === undefined)
        throw Object.assign(new Error('Secrets Manager can’t find the specified secret.'), { type: 'ResourceNotFoundException' });
      return {
        ARN: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${body.SecretId}`,
        Name: body.SecretId,
        SecretString: value,
      };
    },
  };

  async function answer(req: IncomingMessage, res: ServerResponse) {
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    const body = JSON.parse((await readText(req, MAX_BODY)) || '{}') as Record<string, unknown>;
    const reply = (status: number, payload: Record<string, unknown>) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(payload));
    };
    const run = operations[operation];
    if (!run) return reply(400, { __type: 'InvalidActionException', message: `The local stand-in does not do ${operation}.` });
    try {
      reply(200, run(body));
    } catch (error) {
      reply(400, { __type: (error as { type?: string }).type ?? 'InvalidParameterException', message: (error as Error).message });
    }
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify({ __type: 'InternalErrorException', message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    env: {
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoint,
      LOGIN_GOV_PRIVATE_KEY_SECRET: LOCAL_SECRETS.loginGovPrivateKey,
      LOGIN_GOV_PROXY_SECRET: LOCAL_SECRETS.loginGovProxySecret,
    },
    links,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

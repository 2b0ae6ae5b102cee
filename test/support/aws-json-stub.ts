/**
 * A tiny local stand-in for an AWS service that speaks the JSON protocol (Cognito user pools, Secrets
 * Manager): the real SDK client signs and sends its request here (endpoint override), the test answers by
 * X-Amz-Target and reads back exactly what was sent. No AWS call is ever made.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubCall {
  /** The operation, e.g. `ListUsers` (from `X-Amz-Target: AWSCognitoIdentityProviderService.ListUsers`). */
  operation: string;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** An answer: a body for 200, or an AWS error (`__type` is what the SDK turns into the exception's name). */
export type StubAnswer = Record<string, unknown> | { error: string; message?: string; status?: number };

export interface AwsJsonStub {
  endpoint: string;
  calls: StubCall[];
  /** Replace how an operation is answered (called with the request body, once per call). */
  answer(operation: string, reply: (body: Record<string, unknown>, call: number) => StubAnswer): void;
  close(): Promise<void>;
}

export async function startAwsJsonStub(): Promise<AwsJsonStub> {
  const calls: StubCall[] = [];
  const replies = new Map<string, (body: Record<string, unknown>, call: number) => StubAnswer>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      calls.push({ operation, body, headers: req.headers });
      const reply = replies.get(operation);
      const answer: StubAnswer = reply
        ? reply(body, calls.filter((c) => c.operation === operation).length)
        : { error: 'UnknownOperationException', message: `the stub has no answer for ${operation}` };
      const failed = 'error' in answer && typeof answer.error === 'string';
      res.writeHead(failed ? Number(answer.status ?? 400) : 200, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(failed ? { __type: answer.error, message: answer.message ?? answer.error } : answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    calls,
    answer: (operation, reply) => replies.set(operation, reply),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

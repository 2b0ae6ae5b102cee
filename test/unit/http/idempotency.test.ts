/** The viewer's address, as the automatic idempotency key of an anonymous form post uses it. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { idempotencyKeyOf, viewerIpOf } from '#http/idempotency';

const event = (headers: Record<string, string>, claims?: Record<string, string>) =>
  ({
    rawPath: '/api/forms/f/submissions',
    headers,
    requestContext: {
      http: { method: 'POST', sourceIp: '130.176.0.1' },
      ...(claims && { authorizer: { jwt: { claims } } }),
    },
  }) as unknown as APIGatewayProxyEventV2;

describe("the viewer's address", () => {
  it('is CloudFront-Viewer-Address without its port, IPv4 or IPv6', () => {
    expect(viewerIpOf(event({ 'cloudfront-viewer-address': '198.51.100.7:46532' }))).toBe('198.51.100.7');
    expect(viewerIpOf(event({ 'cloudfront-viewer-address': '2001:db8:85a3::8a2e:370:7334:46532' }))).toBe(
      '2001:db8:85a3::8a2e:370:7334',
    );
  });

  it('falls back to the source IP where no CloudFront is in front', () => {
    expect(viewerIpOf(event({}))).toBe('130.176.0.1');
  });
});

describe('the key of a request', () => {
  const NOW = new Date('2026-11-30T10:00:00.000Z');
  const fields = () => new URLSearchParams({ fullName: 'Ana' });

  it('is the one sent, in the header or the form', () => {
    expect(idempotencyKeyOf(event({ 'idempotency-key': 'sent-1234' }), fields(), NOW)).toBe('sent-1234');
    expect(idempotencyKeyOf(event({}), new URLSearchParams({ fullName: 'Ana', _idempotency: 'form-1234' }), NOW)).toBe(
      'form-1234',
    );
  });

  it('is none for JSON without a key, and made up for a plain form post', () => {
    expect(idempotencyKeyOf(event({}), undefined, NOW)).toBeUndefined();
    expect(idempotencyKeyOf(event({}), fields(), NOW)).toMatch(/^auto-/);
  });

  it('tells two viewers behind one edge apart, and the same viewer on another connection not', () => {
    const from = (address: string) => idempotencyKeyOf(event({ 'cloudfront-viewer-address': address }), fields(), NOW);
    expect(from('198.51.100.7:1111')).toBe(from('198.51.100.7:2222'));
    expect(from('198.51.100.7:1111')).not.toBe(from('203.0.113.9:1111'));
  });

  it('tells two signed-in people apart, wherever they send from', () => {
    const as = (sub: string) =>
      idempotencyKeyOf(
        event({ 'cloudfront-viewer-address': '198.51.100.7:1111' }, { sub, username: sub, token_use: 'access' }),
        fields(),
        NOW,
      );
    expect(as('sub-ana')).not.toBe(as('sub-ben'));
    expect(as('sub-ana')).toBe(as('sub-ana'));
  });
});

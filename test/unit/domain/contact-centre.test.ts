import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newConfirmationCode } from '#domain/confirmation-code';
import { contactCentreEventOf, fromAmazonConnect, fromGenesysCloud } from '#domain/contact-centre';
import { parseInteraction } from '#domain/interactions';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/events/contact-centre/${name}.json`, import.meta.url), 'utf8'));
const NOW = new Date('2026-12-01T10:00:00.000Z');
const INSTANCE = 'arn:aws:connect:us-east-1:111122223333:instance/12345678-1234-1234-1234-123456789012';

function connectEvent(tags: Record<string, string>, changes: Record<string, unknown> = {}) {
  const event = fixture('amazon-connect-disconnected');
  event.detail.tags = tags;
  Object.assign(event.detail, changes);
  return event;
}

describe('Amazon Connect contact events', () => {
  it('a disconnected call tagged with a confirmation code becomes an inbound voice contact the ingest rule accepts', () => {
    const code = newConfirmationCode();
    const mapped = fromAmazonConnect(
      connectEvent({ 'frontdoor:confirmationCode': code, 'frontdoor:agency': 'vital-records' }),
      {},
    );
    expect(mapped.kind).toBe('interaction');
    if (mapped.kind !== 'interaction') return;
    const interaction = parseInteraction(mapped.body, NOW);
    expect(interaction).toMatchObject({
      channel: 'voice',
      direction: 'in',
      actor: 'citizen',
      agency: 'vital-records',
      occurredAt: '2026-11-30T17:38:37.000Z',
      externalId: 'connect:11111111-1111-1111-1111-111111111111',
      person: { confirmationCode: code },
    });
    // Talking time: from the agent picking up to the hang-up.
    expect(interaction.summary).toBe('Call with the contact centre (5 min) [Amazon Connect]');
  });

  it('takes the agency from the instance when the flow set no agency tag', () => {
    const mapped = fromAmazonConnect(connectEvent({ 'frontdoor:personId': 'sub-ana' }), { [`connect:${INSTANCE}`]: 'revenue' });
    expect(mapped.kind === 'interaction' && mapped.body.agency).toBe('revenue');
  });

  it('a transferred call is one contact: the first contact of the chain is the id', () => {
    const mapped = fromAmazonConnect(
      connectEvent(
        { 'frontdoor:personId': 'sub-ana', 'frontdoor:agency': 'revenue' },
        { contactId: 'c-2', initialContactId: 'c-1' },
      ),
      {},
    );
    expect(mapped.kind === 'interaction' && mapped.body.externalId).toBe('connect:c-1');
  });

  it('an outbound call or callback is the agency reaching out', () => {
    const mapped = fromAmazonConnect(
      connectEvent({ 'frontdoor:personId': 'sub-ana', 'frontdoor:agency': 'revenue' }, { initiationMethod: 'CALLBACK' }),
      {},
    );
    expect(mapped.kind === 'interaction' && [mapped.body.direction, mapped.body.actor]).toEqual(['out', 'staff']);
  });

  it('a chat is a chat', () => {
    const mapped = fromAmazonConnect(
      connectEvent({ 'frontdoor:email': 'ana@example.com', 'frontdoor:agency': 'revenue' }, { channel: 'CHAT' }),
      {},
    );
    expect(mapped.kind === 'interaction' && mapped.body.channel).toBe('chat');
  });

  it('ignores the other event types, and contacts the flow did not tag for the portal', () => {
    expect(fromAmazonConnect(fixture('amazon-connect-connected-to-agent'), {}).kind).toBe('ignored');
    expect(fromAmazonConnect(connectEvent({ 'aws:connect:instanceId': 'x' }), { [`connect:${INSTANCE}`]: 'revenue' })).toEqual({
      kind: 'ignored',
      reason: 'no frontdoor: tags (not about the portal)',
    });
    expect(fromAmazonConnect({ source: 'aws.ses' }, {}).kind).toBe('ignored');
  });

  it('a tagged contact whose agency nobody knows is refused by the ingest rule naming the field', () => {
    const mapped = fromAmazonConnect(connectEvent({ 'frontdoor:personId': 'sub-ana' }), {});
    expect(mapped.kind).toBe('interaction');
    if (mapped.kind === 'interaction') expect(() => parseInteraction(mapped.body, NOW)).toThrow(/agency/);
  });
});

describe('Genesys Cloud conversation events', () => {
  const agencies = { 'genesys:8f3e2c1a-5b6d-4e7f-9a0b-1c2d3e4f5a6b': 'labor', 'genesys:*': 'revenue' };

  it('a customer.end from the EventBridge integration becomes a contact kept by its caller id', () => {
    const mapped = fromGenesysCloud(fixture('genesys-customer-end-eventbridge'), agencies);
    expect(mapped.kind).toBe('interaction');
    if (mapped.kind !== 'interaction') return;
    expect(parseInteraction(mapped.body, NOW)).toMatchObject({
      channel: 'voice',
      direction: 'in',
      agency: 'labor',
      occurredAt: '2026-11-30T18:05:12.000Z',
      externalId: 'genesys:0a1b2c3d-4e5f-6789-abcd-ef0123456789',
      person: { phone: '+12025550143' },
      summary: 'Call with the contact centre: client [Genesys Cloud]',
    });
  });

  it('the same notification from a webhook (no envelope) maps the same way, to the configured agency', () => {
    const mapped = fromGenesysCloud(fixture('genesys-customer-end-webhook'), agencies);
    expect(mapped.kind === 'interaction' && mapped.body).toMatchObject({
      channel: 'voice',
      direction: 'out',
      actor: 'staff',
      agency: 'revenue',
      externalId: 'genesys:1b2c3d4e-5f60-7890-bcde-f01234567890',
    });
  });

  it('ignores other topics and conversations without a caller id', () => {
    const start = fixture('genesys-customer-end-eventbridge');
    start.detail.topicName = start.detail.topicName.replace('customer.end', 'customer.start');
    expect(fromGenesysCloud(start, agencies).kind).toBe('ignored');
    const chat = fixture('genesys-customer-end-webhook');
    delete chat.eventBody.ani;
    expect(fromGenesysCloud(chat, agencies).kind).toBe('ignored');
  });
});

describe('which adapter', () => {
  it('by the event’s source', () => {
    const code = newConfirmationCode();
    expect(contactCentreEventOf(connectEvent({ 'frontdoor:confirmationCode': code, 'frontdoor:agency': 'x' }), {}).kind).toBe(
      'interaction',
    );
    expect(contactCentreEventOf(fixture('genesys-customer-end-eventbridge'), { 'genesys:*': 'x' }).kind).toBe('interaction');
    expect(contactCentreEventOf(fixture('genesys-customer-end-webhook'), { 'genesys:*': 'x' }).kind).toBe('interaction');
    expect(contactCentreEventOf({ source: 'aws.s3' }, {}).kind).toBe('ignored');
  });
});

/**
 * How the portal may reach people, on DynamoDB (layout in table-definition.ts): a number's text opt-out (STOP),
 * a signed-in person's notification preferences, an e-mail address's last bounce or complaint, and the inbound
 * texts already answered (End User Messaging's SNS topic delivers at least once).
 */
import { DeleteItemCommand, type DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { EmailState, EmailStateStore } from '#domain/notifications';
import type { PreferenceStore, Preferences } from '#domain/preferences';
import type { OptOutStore } from '#domain/sms';

const optOutKey = (phone: string) => ({ pk: `SMSOPTOUT#${phone}`, sk: 'OPTOUT' });
const preferencesKey = (person: string) => ({ pk: `PREFS#${person}`, sk: 'PREFS' });
const emailStateKey = (address: string) => ({ pk: `EMAILSTATE#${address.toLowerCase()}`, sk: 'EMAILSTATE' });
const inboundKey = (id: string) => ({ pk: `SMSIN#${id}`, sk: 'SMSIN' });

/** How long an answered inbound text is remembered (SNS redelivers within minutes, never days). */
const INBOUND_MEMORY_SECONDS = 7 * 24 * 3600;

export function dynamoDbContacts(client: DynamoDBClient, tableName: string) {
  const get = async (key: Record<string, string>) => {
    const result = await client.send(new GetItemCommand({ TableName: tableName, Key: marshall(key), ConsistentRead: true }));
    return result.Item ? unmarshall(result.Item) : undefined;
  };
  const put = (item: Record<string, unknown>) =>
    client.send(new PutItemCommand({ TableName: tableName, Item: marshall(item, { removeUndefinedValues: true }) }));
  const remove = (key: Record<string, string>) =>
    client.send(new DeleteItemCommand({ TableName: tableName, Key: marshall(key) }));

  const optOuts: OptOutStore = {
    async isOptedOut(phone) {
      return Boolean(await get(optOutKey(phone)));
    },
    async optOut(phone, at) {
      await put({ ...optOutKey(phone), type: 'sms-opt-out', at });
    },
    async optIn(phone) {
      await remove(optOutKey(phone));
    },
  };

  const preferences: PreferenceStore = {
    async preferencesOf(person) {
      const item = await get(preferencesKey(person));
      if (!item) return undefined;
      return {
        choices: item.choices ?? {},
        ...(item.locale && { locale: item.locale }),
        updatedAt: item.updatedAt,
      } as Preferences;
    },
    async savePreferences(person, value) {
      await put({ ...preferencesKey(person), type: 'preferences', ...value });
    },
  };

  const emailStates: EmailStateStore = {
    async emailState(address) {
      const item = await get(emailStateKey(address));
      return item ? ({ state: item.state, at: item.at } as EmailState) : undefined;
    },
    async markEmail(address, state) {
      // A complaint stays: a later delivery (to a list that still accepts mail) does not undo "stop writing to me".
      if (state.state === 'bounced' && (await emailStates.emailState(address))?.state === 'complained') return;
      await put({ ...emailStateKey(address), type: 'email-state', ...state });
    },
    async clearBounce(address) {
      if ((await emailStates.emailState(address))?.state === 'bounced') await remove(emailStateKey(address));
    },
  };

  const inbound = {
    async answered(id: string) {
      return Boolean(await get(inboundKey(id)));
    },
    async markAnswered(id: string, now: Date) {
      await put({
        ...inboundKey(id),
        type: 'sms-inbound',
        expiresAt: Math.floor(now.getTime() / 1000) + INBOUND_MEMORY_SECONDS,
      });
    },
  };

  return { optOuts, preferences, emailStates, inbound };
}

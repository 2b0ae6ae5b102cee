/**
 * A few bills to pay by reference in `npm start` and the tests, loaded the way an agency's system loads them
 * (parseBill + loadBill, what PUT /api/bills/{reference} runs). Loading again changes nothing once paid.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoDbBillStore } from '../functions/adapters/dynamodb-payment-bill-store.ts';
import { loadBill, parseBill } from '../functions/domain/payment-bills.ts';
import { ConflictError } from '../functions/shared/errors.ts';

export const SAMPLE_BILLS: Record<string, Record<string, unknown>> = {
  'PT-2026-0001': {
    agency: 'motor-vehicles',
    description: {
      en: 'Parking ticket: expired meter, 5th Street, March 2',
      es: 'Multa de estacionamiento: parquímetro vencido, calle 5, 2 de marzo',
    },
    amount: 4500,
    currency: 'USD',
    check: 'ABC 1234',
    refundable: true,
    dueOn: '2026-12-31',
  },
  'PT-2026-0002': {
    agency: 'motor-vehicles',
    description: {
      en: 'Parking ticket: no parking zone, Main Street, April 9',
      es: 'Multa de estacionamiento: zona prohibida, calle Main, 9 de abril',
    },
    amount: 3000,
    currency: 'USD',
    check: 'XYZ 9876',
    refundable: true,
    dueOn: '2026-12-31',
  },
  'TX-2026-0100': {
    agency: 'revenue',
    description: { en: 'Income tax balance due for 2025', es: 'Saldo de impuestos sobre la renta de 2025' },
    amount: 12000,
    currency: 'USD',
    check: '12345',
    refundable: false,
  },
};

export async function seedSampleBills(client: DynamoDBClient, tableName: string): Promise<void> {
  const store = dynamoDbBillStore(client, tableName);
  for (const [reference, body] of Object.entries(SAMPLE_BILLS)) {
    try {
      await loadBill(parseBill(reference, body, new Date()), { store });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // Already paid in an earlier run: keep it.
    }
  }
}

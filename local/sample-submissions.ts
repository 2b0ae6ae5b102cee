/**
 * A sample application to look up by its code in `npm start` and `npm run fn` (what
 * test/fixtures/events/check-status.json asks for), written through the submission store the way a
 * submission is. Writing it again changes nothing.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadCatalog } from '#catalog/load';
import { dynamoDbSubmissionStore } from '../functions/adapters/dynamodb-submission-store.ts';

export const SAMPLE_SUBMISSION_CODE = '2222-2222-2222';
const SERVICE = 'birth-certificate';

export async function seedSampleSubmission(client: DynamoDBClient, tableName: string): Promise<void> {
  const service = loadCatalog().services.get(SERVICE);
  if (!service) throw new Error(`The catalog has no service ${SERVICE} for the sample submission.`);
  const submittedAt = '2026-11-22T15:00:00.000Z';
  await dynamoDbSubmissionStore(client, tableName).create(
    {
      code: SAMPLE_SUBMISSION_CODE,
      formId: service.form,
      serviceId: service.id,
      agency: service.agency,
      status: 'received',
      locale: 'en',
      channel: 'web',
      answers: { fullName: 'Ana Díaz', dateOfBirth: '2019-05-01', relationship: 'self', copies: 1, email: 'ana@example.com' },
      submittedAt,
      updatedAt: submittedAt,
      // As submitForm records it: the notifier writes here (the local SES keeps it; nobody receives it).
      applicantEmail: 'ana@example.com',
    },
    { status: 'received', at: submittedAt },
  ); // 'code-taken' once seeded: kept as it is.
}

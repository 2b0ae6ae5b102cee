/** Configuration, read once when a function starts; a missing value fails fast with its name. */
import { fileURLToPath } from 'node:url';
import { getStringFromEnv } from '@aws-lambda-powertools/commons/utils/env';

export const config = {
  tableName: getStringFromEnv({ key: 'TABLE_NAME', errorMessage: 'TABLE_NAME is not set: the DynamoDB table to use' }),
  /** Only set locally (DynamoDB Local); on AWS the SDK finds the regional endpoint. */
  dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  /**
   * Where the per-form modules (validator + definition) live. Loaded one at a time on first use, so a
   * function's start-up does not grow with the number of forms.
   */
  formsDir: process.env.FORMS_DIR || fileURLToPath(new URL('../generated/forms/', import.meta.url)),
} as const;

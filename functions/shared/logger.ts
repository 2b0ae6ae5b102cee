/** The one logger. Never log answers or other personal data: log codes, ids and outcomes. */
import { Logger } from '@aws-lambda-powertools/logger';

export const logger = new Logger({ serviceName: 'front-door' });

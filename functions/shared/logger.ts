/** The one logger. Never log answers or other personal data: log codes, ids and outcomes. */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';

export const logger = new Logger({ serviceName: 'front-door' });

/**
 * The logger's middleware for every handler: the Lambda context on each line, and never the event, whatever
 * POWERTOOLS_LOGGER_LOG_EVENT says — a request body holds answers and a stream record the new image of a draft or
 * a submission (SSNs included, decision 0083). test/integration/save-and-resume.test.ts reads the log to prove it.
 */
export function loggerContext() {
  return injectLambdaContext(logger, { resetKeys: true, logEvent: false });
}

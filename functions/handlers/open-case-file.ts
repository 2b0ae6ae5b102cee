/**
 * GET /api/agency/desk/cases/{code}/files/{fileId}: a staff member opens a file from the case page. The open is
 * audited, then the browser is sent (303) to a presigned link that works for a minute (decision 0113).
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { s3Client, s3FileStorage } from '#adapters/s3-file-storage';
import { openCaseFile } from '#domain/case-files';
import { callerOf } from '#http/caller';
import { caseDeps, originOf } from '#http/cases';
import { requestLocale } from '#http/request';
import { seeOther } from '#http/responses';
import { withHttp } from '#http/with-http';
import { uploadsConfig } from '#shared/config';

const uploads = uploadsConfig();
const storage = s3FileStorage(s3Client(uploads.s3Endpoint), uploads.bucket);

const lambdaHandler = async (event: APIGatewayProxyEventV2) => {
  const { url } = await openCaseFile(
    {
      caller: callerOf(event),
      code: event.pathParameters?.code ?? '',
      fileId: event.pathParameters?.fileId ?? '',
      locale: requestLocale(event),
      from: originOf(event),
    },
    { ...caseDeps, storage },
  );
  return seeOther(url);
};

export const handler = withHttp(lambdaHandler);

/**
 * FileStorage on S3 (and on s3rver in npm start): presigned POSTs for the browser, the release step's reads and
 * copies, and short-lived presigned GETs for staff. Path-style addressing and checksums only when required are set
 * for the local endpoint (../shared/TOOLCHAIN.md: without them s3rver stores streamed bodies with chunk framing).
 */
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { SNIFF_BYTES } from '#catalog/file-kinds';
import { type FileStorage, OPEN_LINK_SECONDS, SCAN_TAG, UPLOAD_SIGNATURE_SECONDS } from '#domain/uploads';

export function s3Client(endpoint: string | undefined): S3Client {
  return new S3Client({
    ...(endpoint && { endpoint, forcePathStyle: true }),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

function isMissing(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404;
}

/** A file name in a Content-Disposition header (RFC 6266: an ASCII fallback and the UTF-8 name). */
function disposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function s3FileStorage(client: S3Client, bucket: string): FileStorage {
  return {
    bucket,
    async presignUpload({ key, fields, conditions }) {
      const post = await createPresignedPost(client, {
        Bucket: bucket,
        Key: key,
        Fields: fields,
        Conditions: conditions as never,
        Expires: UPLOAD_SIGNATURE_SECONDS,
      });
      return { url: post.url, fields: post.fields };
    },
    async keyUnder(prefix) {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1 }));
      return listed.Contents?.[0]?.Key;
    },
    async inspect(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        const size = head.ContentLength ?? 0;
        if (size === 0) return { size, firstBytes: new Uint8Array() };
        const start = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }));
        const bytes = (await start.Body?.transformToByteArray()) ?? new Uint8Array();
        return { size, firstBytes: bytes.slice(0, SNIFF_BYTES) };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async scanTag(key) {
      try {
        const tags = await client.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
        return tags.TagSet?.find((tag) => tag.Key === SCAN_TAG)?.Value;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async release(from, to, contentType) {
      await client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: to,
          CopySource: `${bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: contentType,
          // The scan's verdict travels with the copy: the staff link checks it again before signing.
          TaggingDirective: 'COPY',
        }),
      );
    },
    async openLink(key, name, contentType) {
      return getSignedUrl(
        client,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: disposition(name),
          ResponseContentType: contentType,
        }),
        { expiresIn: OPEN_LINK_SECONDS },
      );
    },
  };
}

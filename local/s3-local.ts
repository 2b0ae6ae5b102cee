/**
 * The local S3 (decision 0112): s3rver 3.7 in this process, data under .data/s3 with `npm start`, the real SDK
 * talking to it. Three things S3 does that s3rver does not, added here so the functions meet the same storage:
 * - a presigned POST's `${filename}` in the key becomes the uploaded file's name;
 * - a copy keeps the source's tags (TaggingDirective COPY, S3's default);
 * - GuardDuty Malware Protection's role: every new object under drafts/ is scanned and tagged
 *   GuardDutyMalwareScanStatus, THREATS_FOUND when it holds the EICAR test string, else NO_THREATS_FOUND;
 * - the bucket's lifecycle rule for drafts' files (expireDraftFiles), applied at start and every hour.
 * It does not check signatures or policies (nor does any local stand-in): the release step checks every file.
 */
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { s3Client } from '#adapters/s3-file-storage';
import { DRAFT_FILES_EXPIRE_DAYS, DRAFT_PREFIX, FILENAME_VARIABLE, SCAN_TAG, type ScanResult } from '#domain/uploads';
import { LOCAL_AWS_ENV } from './dynamodb-local.ts';

export const LOCAL_UPLOADS_BUCKET = 'front-door-uploads';

/**
 * The EICAR anti-virus test file's text (eicar.org): harmless, and every scanner reports it as a threat. Built from
 * two halves so this source file is not itself flagged by a scanner on a developer's machine.
 */
export const EICAR = `X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-${'ANTIVIRUS-TEST-FILE!$H+H*'}`;

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  client: S3Client;
  /** The environment the functions read (functions/shared/config.ts uploadsConfig). */
  env: Record<string, string>;
  /** Resolves when every scan started so far has tagged its object. */
  settle(): Promise<void>;
  /** Deletes drafts' files older than the lifecycle rule keeps them; returns the keys removed. */
  expireDraftFiles(now?: Date): Promise<string[]>;
  stop(): Promise<void>;
}

const corsFor = (origin: string) => `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>${origin}</AllowedOrigin>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <ExposeHeader>Location</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

/** The largest browser upload the stand-in takes into memory to fill in `${filename}` (above any question's limit). */
const MAX_POST = 30 * 1024 * 1024;

async function readAll(stream: Readable, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** S3's `${filename}`: replaced in the fields before the file by the file part's own name. */
export function withFileName(body: Buffer): Buffer {
  const text = body.toString('latin1');
  const filePart = /Content-Disposition: form-data; name="file"; filename="([^"]*)"/i.exec(text);
  if (!filePart) return body;
  const before = text.slice(0, filePart.index).replaceAll(FILENAME_VARIABLE, filePart[1] ?? '');
  return Buffer.concat([Buffer.from(before, 'latin1'), body.subarray(filePart.index)]);
}

/**
 * s3rver knows one key pair (S3RVER); the functions sign with the local runtime's own (LOCAL_AWS_ENV), as they do
 * for DynamoDB Local, so it is taught that one too (signatures are not checked either way).
 */
function acceptLocalCredentials() {
  const require = createRequire(import.meta.url);
  const account = require('s3rver/lib/models/account.js') as {
    DUMMY_ACCOUNT: { accessKeys: Map<string, string>; createKeyPair(id: string, secret: string): void };
  };
  if (!account.DUMMY_ACCOUNT.accessKeys.has(LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID))
    account.DUMMY_ACCOUNT.createKeyPair(LOCAL_AWS_ENV.AWS_ACCESS_KEY_ID, LOCAL_AWS_ENV.AWS_SECRET_ACCESS_KEY);
}

export async function startLocalS3(options: { siteOrigin: string; dataDir?: string }): Promise<LocalS3> {
  acceptLocalCredentials();
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'front-door-s3-'));
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: process.env.S3_LOCAL_DEBUG !== '1',
    directory,
    configureBuckets: [{ name: LOCAL_UPLOADS_BUCKET, configs: [corsFor(options.siteOrigin)] }],
  });
  s3rver.middleware.unshift(async (ctx, next) => {
    const type = String(ctx.headers['content-type'] ?? '');
    if (ctx.method === 'POST' && type.startsWith('multipart/form-data') && ctx.path === `/${LOCAL_UPLOADS_BUCKET}`) {
      const body = await readAll(ctx.req, MAX_POST);
      if (!body) {
        ctx.status = 400;
        return;
      }
      const fixed = withFileName(body);
      // The body is read; s3rver pipes the request into its form parser, so this request pipes the fixed body.
      ctx.req.headers['content-length'] = String(fixed.length);
      ctx.req.pipe = ((destination: NodeJS.WritableStream) =>
        Readable.from([fixed]).pipe(destination)) as unknown as typeof ctx.req.pipe;
    }
    await next();
    const source = ctx.headers['x-amz-copy-source'];
    if (ctx.method === 'PUT' && typeof source === 'string' && ctx.status === 200) {
      if (String(ctx.headers['x-amz-tagging-directive'] ?? 'COPY').toUpperCase() !== 'COPY') return;
      const [fromBucket = '', ...fromKey] = decodeURIComponent(source.replace(/^\//, '')).split('/');
      const [toBucket = '', ...toKey] = decodeURIComponent(ctx.path.replace(/^\//, '')).split('/');
      const tags = await ctx.store.getSubresource(fromBucket, fromKey.join('/'), 'tagging');
      if (tags) await ctx.store.putSubresource(toBucket, toKey.join('/'), tags);
    }
  });
  const address = await s3rver.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  Object.assign(process.env, LOCAL_AWS_ENV);
  const client = s3Client(endpoint);

  const scans = new Set<Promise<void>>();
  const scan = async (key: string) => {
    const object = await client.send(new GetObjectCommand({ Bucket: LOCAL_UPLOADS_BUCKET, Key: key }));
    const bytes = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    const result: ScanResult = bytes.includes(EICAR) ? 'THREATS_FOUND' : 'NO_THREATS_FOUND';
    await client.send(
      new PutObjectTaggingCommand({
        Bucket: LOCAL_UPLOADS_BUCKET,
        Key: key,
        Tagging: { TagSet: [{ Key: SCAN_TAG, Value: result }] },
      }),
    );
  };
  s3rver.on('event', (event) => {
    for (const record of event.Records) {
      const key = decodeURIComponent(record.s3.object.key);
      // Like the malware protection plan: new objects under the drafts' prefix, never copies made from them.
      if (!record.eventName.startsWith('ObjectCreated:') || record.eventName.endsWith('Copy')) continue;
      if (!key.startsWith(DRAFT_PREFIX)) continue;
      const running: Promise<void> = scan(key)
        .catch(() => undefined)
        .finally(() => scans.delete(running));
      scans.add(running);
    }
  });

  const expireDraftFiles = async (now = new Date()) => {
    const cutoff = now.getTime() - DRAFT_FILES_EXPIRE_DAYS * 24 * 60 * 60 * 1000;
    const removed: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: LOCAL_UPLOADS_BUCKET, Prefix: DRAFT_PREFIX, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || (object.LastModified?.getTime() ?? now.getTime()) > cutoff) continue;
        await client.send(new DeleteObjectCommand({ Bucket: LOCAL_UPLOADS_BUCKET, Key: object.Key }));
        removed.push(object.Key);
      }
      token = page.NextContinuationToken;
    } while (token);
    return removed;
  };
  await expireDraftFiles().catch(() => undefined);
  const hourly = setInterval(() => void expireDraftFiles().catch(() => undefined), 60 * 60 * 1000);
  hourly.unref();

  let stopped: Promise<void> | undefined;
  return {
    endpoint,
    bucket: LOCAL_UPLOADS_BUCKET,
    client,
    env: { UPLOADS_BUCKET: LOCAL_UPLOADS_BUCKET, S3_ENDPOINT: endpoint },
    async settle() {
      while (scans.size > 0) await Promise.all([...scans]);
    },
    expireDraftFiles,
    stop() {
      stopped ??= (async () => {
        clearInterval(hourly);
        await Promise.all([...scans]);
        client.destroy();
        await s3rver.close();
      })();
      return stopped;
    },
  };
}

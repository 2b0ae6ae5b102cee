/** The little of s3rver 3.7's API the local S3 stand-in uses (the package ships no types). */
declare module 's3rver' {
  import type { Server } from 'node:http';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory: string;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  interface KoaContext {
    method: string;
    path: string;
    status: number;
    headers: Record<string, string | string[] | undefined>;
    req: import('node:http').IncomingMessage;
    request: { req: import('node:http').IncomingMessage };
    store: {
      getSubresource(bucket: string, key: string, type: 'tagging'): Promise<unknown>;
      putSubresource(bucket: string, key: string, resource: unknown): Promise<void>;
    };
  }
  export interface S3EventRecord {
    eventName: string;
    s3: { bucket: { name: string }; object: { key: string; size?: number } };
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    on(event: 'event', listener: (event: { Records: S3EventRecord[] }) => void): this;
    httpServer?: Server;
  }
}

import { type Contracts, error, seeOther, z } from './contract.ts';

const notFound = error('No such form, no such draft (or it expired, or was sent), or no such file question');

export default {
  presignUpload: {
    request: {
      description: 'With JavaScript: one file the person chose for a file question (decision 0110)',
      required: true,
      json: z.object({
        question: z.string().describe("The file question's name"),
        name: z.string().describe("The file's name on the person's device"),
        type: z.string().describe('The content type the browser gives the file (one the question accepts)'),
      }),
    },
    responses: {
      200: {
        description: 'A presigned POST for that one file: post `fields`, then the file as `file`, to `url`; then GET `release`',
        json: z.object({
          url: z.string().describe("The bucket's address"),
          fields: z.record(z.string(), z.string()).describe('The policy, its signature, the key and the content type'),
          fileId: z.string(),
          release: z.string().describe('The release step for this file (releaseUpload)'),
        }),
      },
      400: error('The JSON is not `{ "question", "name", "type" }` naming a file question of the form'),
      404: notFound,
      422: error('The question has all the files it takes, or the type is not one it accepts (`fields` names it)'),
    },
  },
  releaseUpload: {
    query: {
      bucket: { description: 'Added by storage on its redirect (not read)', schema: z.string() },
      key: {
        description: "Added by storage on its redirect (not read: the object is found under the upload's prefix)",
        schema: z.string(),
      },
      etag: { description: 'Added by storage on its redirect (not read)', schema: z.string() },
    },
    responses: {
      200: {
        description: 'With JavaScript: the file is kept in the draft (still to be scanned, or scanned clean)',
        json: z.object({
          file: z.object({ id: z.string(), name: z.string(), size: z.number().int(), kind: z.string() }).optional(),
          page: z.string().describe('The file page to show next'),
        }),
      },
      303: seeOther('Without JavaScript: the file is kept; back to the file page'),
      404: notFound,
      422: {
        description:
          'The file is refused and deleted (wrong kind by content, too big, empty, too many, not received, or the scan found a threat): the page again saying why, or JSON naming the question',
        json: error('').json,
        html: true,
      },
    },
  },
} satisfies Contracts;

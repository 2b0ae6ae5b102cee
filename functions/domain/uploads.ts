/**
 * Files attached to a form (decision 0110). The browser sends each file straight to storage with a presigned
 * POST whose policy holds the size range and the content type; nothing in storage enforces a policy locally, and
 * a browser can lie about a type, so the release step here decides, whatever storage accepted: the real kind (by
 * content), the size and the count. A file then waits for its malware scan (GuardDuty on AWS, the local stand-in
 * in npm start), whose verdict is an object tag; only a clean file is ever copied where staff can open it.
 */
import { randomBytes } from 'node:crypto';
import {
  type AttachedFile,
  FILE_ID,
  FILE_KIND_INFO,
  type FileKind,
  filesOf,
  kindOfContent,
  kindsInWords,
  MAX_FILE_NAME,
} from '#catalog/file-kinds';
import { bareLabel } from '#catalog/form-messages';
import { translate } from '#catalog/i18n';
import type { Field, Locale, Strings } from '#catalog/schema';
import { DRAFT_TTL_DAYS, type Draft } from './drafts.ts';

/** Where a draft's files wait: lifecycle rules expire this prefix with the draft (infra/constructs/uploads-bucket.ts). */
export const DRAFT_PREFIX = 'drafts/';
/** Where a sent form's clean files live; the only prefix staff links read. */
export const RELEASED_PREFIX = 'files/';
/** How long a signed upload form stays usable: long enough to find a file on a phone. */
export const UPLOAD_SIGNATURE_SECONDS = 30 * 60;
/** How long a staff member's link to a file works: opened at once, never shared. */
export const OPEN_LINK_SECONDS = 60;

/** GuardDuty Malware Protection for S3's tag on each object it scanned, and its values. */
export const SCAN_TAG = 'GuardDutyMalwareScanStatus';
export const SCAN_RESULTS = ['NO_THREATS_FOUND', 'THREATS_FOUND', 'UNSUPPORTED', 'ACCESS_DENIED', 'FAILED'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];
export type ScanVerdict = 'clean' | 'threat' | 'unscannable' | 'pending';

/** What the scan's tag means for the file: only NO_THREATS_FOUND releases it; no tag yet means still scanning. */
export function scanVerdict(tag: string | undefined): ScanVerdict {
  if (tag === undefined) return 'pending';
  if (tag === 'NO_THREATS_FOUND') return 'clean';
  if (tag === 'THREATS_FOUND') return 'threat';
  // UNSUPPORTED (a kind it cannot read, a password-protected file), ACCESS_DENIED, FAILED, or anything new.
  return 'unscannable';
}

/** S3's variable in a presigned POST's key: replaced by the uploaded file's own name. */
export const FILENAME_VARIABLE = `\${filename}`;

export const newFileId = (): string => randomBytes(16).toString('base64url');

export const isFileId = (value: string): boolean => FILE_ID.test(value);

/** The prefix one upload's key must start with; the file's own name follows it (S3's ${filename}). */
export function uploadPrefix(draftId: string, question: string, fileId: string): string {
  return `${DRAFT_PREFIX}${draftId}/${question}/${fileId}/`;
}

export const releasedKey = (fileId: string): string => `${RELEASED_PREFIX}${fileId}`;

/** The limits one file question puts on each file, in bytes and content types. */
export function uploadLimits(field: Field): { maxBytes: number; kinds: FileKind[]; maxFiles: number } {
  const upload = field.upload ?? { accept: [], maxMegabytes: 0, maxFiles: 0 };
  return { maxBytes: Math.floor(upload.maxMegabytes * 1024 * 1024), kinds: [...upload.accept], maxFiles: upload.maxFiles };
}

/**
 * The presigned POST's policy for one file: a key under this upload's prefix (the file's own name after it), a
 * size from 1 byte to the question's maximum, this content type, and how storage answers. The SDK adds the
 * bucket, the signing fields and each field below as exact conditions. On AWS, S3 refuses a post outside the
 * policy; locally nothing does, which is why `checkUpload` decides again after every upload.
 */
export function uploadPolicy(input: {
  field: Field;
  prefix: string;
  /**
   * The content type the file is stored with. With JavaScript: the type of the file chosen (one of the question's
   * kinds, or the upload is not signed). Without: application/octet-stream, since a plain form cannot know it
   * before the file is picked; the release step sets the real one, found from the content, on the copy staff open.
   */
  contentType: string;
  /** Without JavaScript: storage answers 303 to this address (the release step); with: 201. */
  redirect?: string | undefined;
}): { key: string; fields: Record<string, string>; conditions: unknown[] } {
  const { maxBytes } = uploadLimits(input.field);
  return {
    key: `${input.prefix}${FILENAME_VARIABLE}`,
    fields: {
      'Content-Type': input.contentType,
      ...(input.redirect ? { success_action_redirect: input.redirect } : { success_action_status: '201' }),
    },
    conditions: [
      ['starts-with', '$key', input.prefix],
      ['content-length-range', 1, maxBytes],
    ],
  };
}

/** The content type a browser gave for a file, if it is one of the question's kinds. */
export function acceptedType(field: Field, type: string): string | undefined {
  const wanted = uploadLimits(field).kinds.map((kind) => FILE_KIND_INFO[kind].mime);
  const normal = type.trim().toLowerCase();
  return wanted.find((mime) => mime === normal || (mime === 'image/jpeg' && normal === 'image/jpg'));
}

/** What storage holds for an uploaded object: its size and first bytes (SNIFF_BYTES of them). */
export interface StoredObject {
  size: number;
  firstBytes: Uint8Array;
}

export type UploadRefusal = 'missing' | 'empty' | 'tooBig' | 'wrongKind' | 'tooMany' | 'badKey';

/** The file's name from its key (the part after the upload's prefix), made safe to show and to keep. */
export function fileNameOf(key: string, prefix: string): string {
  const raw = key.slice(prefix.length);
  // Names from Windows browsers may carry a path; control characters never belong in a name.
  const base = raw.split(/[\\/]/).at(-1) ?? '';
  const clean = base
    .normalize('NFC')
    .replace(/\p{Cc}/gu, '')
    .trim();
  return (clean === '' ? 'file' : clean).slice(0, MAX_FILE_NAME);
}

/**
 * The release step's first half, after storage took the file: is it what the question accepts? Returns the
 * attached file, or why it is refused (the caller deletes the object and tells the person, naming the question).
 */
export function checkUpload(input: {
  field: Field;
  key: string;
  prefix: string;
  fileId: string;
  object: StoredObject | undefined;
  /** Files already attached to this question. */
  attached: readonly AttachedFile[];
}): { ok: true; file: AttachedFile } | { ok: false; reason: UploadRefusal; name: string } {
  const { field, key, prefix, object, attached } = input;
  const name = fileNameOf(key, prefix);
  if (!key.startsWith(prefix) || key.length === prefix.length || !isFileId(input.fileId))
    return { ok: false, reason: 'badKey', name };
  if (!object) return { ok: false, reason: 'missing', name };
  const limits = uploadLimits(field);
  if (object.size === 0) return { ok: false, reason: 'empty', name };
  if (object.size > limits.maxBytes) return { ok: false, reason: 'tooBig', name };
  const kind = kindOfContent(object.firstBytes);
  if (!kind || !limits.kinds.includes(kind)) return { ok: false, reason: 'wrongKind', name };
  if (attached.filter((file) => file.id !== input.fileId).length >= limits.maxFiles)
    return { ok: false, reason: 'tooMany', name };
  return { ok: true, file: { id: input.fileId, name, size: object.size, kind, key } };
}

/** The files a question's answer will hold after adding one (the same upload twice counts once). */
export function withFile(attached: readonly AttachedFile[], file: AttachedFile): AttachedFile[] {
  return [...attached.filter((candidate) => candidate.id !== file.id), file];
}

/** Storage as the upload rules need it (functions/adapters/s3-file-storage.ts on S3, and s3rver locally). */
export interface FileStorage {
  readonly bucket: string;
  /** A presigned POST: where the browser posts, and the fields it posts before the file. */
  presignUpload(input: {
    key: string;
    fields: Record<string, string>;
    conditions: unknown[];
  }): Promise<{ url: string; fields: Record<string, string> }>;
  /**
   * The one object an upload left under its prefix (its name is the person's file name). Found by listing, not read
   * from the address storage redirected to: nothing the browser sends names the object.
   */
  keyUnder(prefix: string): Promise<string | undefined>;
  /** The object's size and first bytes, or undefined when there is none. */
  inspect(key: string): Promise<StoredObject | undefined>;
  /** The malware scan's tag on the object (undefined: not scanned yet, or no object). */
  scanTag(key: string): Promise<string | undefined>;
  remove(key: string): Promise<void>;
  /** Copies a clean file where staff can open it, with its scan tag and its real content type. */
  release(from: string, to: string, contentType: string): Promise<void>;
  /** A short-lived link that opens the file (as a download named like the person's file). */
  openLink(key: string, name: string, contentType: string): Promise<string>;
}

/**
 * Days a draft's files are kept (the bucket's lifecycle rule on drafts/, and the local runtime's): one more than
 * a draft is kept after its last change, so a file never goes before a draft saved the day it was attached.
 */
export const DRAFT_FILES_EXPIRE_DAYS = DRAFT_TTL_DAYS + 1;

export type FileProblem = UploadRefusal | Exclude<ScanVerdict, 'clean'> | 'wrongType';

/** The plain message for a refused or removed file, naming the question (and the file). */
export function fileProblemMessage(field: Field, problem: FileProblem, name: string, locale: Locale, strings: Strings): string {
  const limits = uploadLimits(field);
  return translate(strings, `upload.refused.${problem}`, locale, {
    Label: bareLabel(field, locale),
    name,
    kinds: kindsInWords(limits.kinds, translate(strings, 'upload.or', locale)),
    max: field.upload?.maxMegabytes ?? 0,
    count: limits.maxFiles,
  });
}

/** The file question a page asks, if it is a file page (a file question sits on a page of its own). */
export function fileQuestionOn(fields: readonly Field[]): Field | undefined {
  return fields.length === 1 && fields[0]?.type === 'file' ? fields[0] : undefined;
}

export interface ReleaseOutcome {
  /** The answers with every file moved under files/ (only when nothing was refused). */
  answers: Record<string, unknown>;
  problems: { field: string; message: string }[];
  /** Objects removed because the scan refused them: the caller takes them out of the draft. */
  removed: { question: string; id: string }[];
}

/**
 * The release step on "Send": every file of every file question must have the scan's NO_THREATS_FOUND. A threat or
 * a file the scan could not read is deleted and named; a file still being scanned holds the sending back (nothing
 * is released then). Only when all are clean is each copied under files/, and the answers point there.
 */
export async function releaseFiles(
  input: { fields: readonly Field[]; answers: Record<string, unknown>; locale: Locale },
  deps: { storage: FileStorage; strings: Strings },
): Promise<ReleaseOutcome> {
  const { locale } = input;
  const problems: ReleaseOutcome['problems'] = [];
  const removed: ReleaseOutcome['removed'] = [];
  const answers = { ...input.answers };
  const pending: { field: Field; file: AttachedFile }[] = [];
  for (const field of input.fields) {
    if (field.type !== 'file') continue;
    for (const file of filesOf(answers[field.name])) {
      if (file.key.startsWith(RELEASED_PREFIX)) continue;
      const verdict = scanVerdict(await deps.storage.scanTag(file.key));
      if (verdict === 'clean') {
        pending.push({ field, file });
        continue;
      }
      if (verdict !== 'pending') {
        await deps.storage.remove(file.key);
        removed.push({ question: field.name, id: file.id });
      }
      if (!problems.some((problem) => problem.field === field.name))
        problems.push({ field: field.name, message: fileProblemMessage(field, verdict, file.name, locale, deps.strings) });
    }
  }
  if (problems.length > 0) return { answers: input.answers, problems, removed };
  for (const { field, file } of pending) {
    const to = releasedKey(file.id);
    await deps.storage.release(file.key, to, FILE_KIND_INFO[file.kind].mime);
    answers[field.name] = filesOf(answers[field.name]).map((one) => (one.id === file.id ? { ...one, key: to } : one));
  }
  return { answers, problems, removed };
}

/** The draft with one question's files replaced (none: the answer goes); its expiry moves on as any save's does. */
export function draftWithFiles(draft: Draft, question: string, files: readonly AttachedFile[], now = new Date()): Draft {
  const answers = { ...draft.answers };
  if (files.length > 0) answers[question] = [...files];
  else delete answers[question];
  return {
    ...draft,
    answers,
    updatedAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + DRAFT_TTL_DAYS * 24 * 60 * 60,
  };
}

/**
 * The kinds of file a file question may accept, and how to tell a file's kind from its first bytes (its "magic
 * number"), never from its name or the type a browser claims: a renamed program is still a program. A small
 * table rather than a library (decision 0111): the portal takes documents and photos only, and the table adds
 * nothing to a function's start-up. No imports: the build, the functions and the browser script read it.
 */

export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'heic', 'tiff'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

interface KindInfo {
  /** The content type kept with the file, set on the upload and served to staff. */
  mime: string;
  /** For the file picker's `accept` (a hint to the picker only; the content decides). */
  extensions: string[];
  /** What people call it, in a list of what is accepted ("PDF, JPG or PNG"). */
  label: string;
}

export const FILE_KIND_INFO: Record<FileKind, KindInfo> = {
  pdf: { mime: 'application/pdf', extensions: ['.pdf'], label: 'PDF' },
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPG' },
  png: { mime: 'image/png', extensions: ['.png'], label: 'PNG' },
  heic: { mime: 'image/heic', extensions: ['.heic', '.heif'], label: 'HEIC' },
  tiff: { mime: 'image/tiff', extensions: ['.tif', '.tiff'], label: 'TIFF' },
};

/** One file attached to a file question: what the answer holds (never a link; `key` is where storage keeps it). */
export interface AttachedFile {
  /** 128 random bits (base64url), chosen when the upload was signed. */
  id: string;
  /** The name it had on the person's device, shown back to them and to staff. */
  name: string;
  /** In bytes. */
  size: number;
  kind: FileKind;
  /** The object's key: under drafts/ while the form is being filled, under files/ once sent (decision 0110). */
  key: string;
}

export const FILE_ID = /^[A-Za-z0-9_-]{22}$/;
export const MAX_FILE_NAME = 200;

/** The files of an answer, whatever it holds (none when it is not a list of files). */
export function filesOf(value: unknown): AttachedFile[] {
  return Array.isArray(value)
    ? value.filter((item): item is AttachedFile => typeof item === 'object' && item !== null && 'key' in item && 'id' in item)
    : [];
}

/** How many first bytes `kindOfContent` needs to read. */
export const SNIFF_BYTES = 16;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** HEIC/HEIF photos (what iPhones take): an ISO media "ftyp" box whose brand is one of these. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** The file's kind by its first bytes, or undefined when it is none of the kinds the portal takes. */
export function kindOfContent(bytes: Uint8Array): FileKind | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.slice(8, 12));
    if (HEIC_BRANDS.has(brand)) return 'heic';
  }
  return undefined;
}

/** "PDF, JPG or PNG" / "PDF, JPG o PNG". */
export function kindsInWords(kinds: readonly FileKind[], or: string): string {
  const labels = kinds.map((kind) => FILE_KIND_INFO[kind].label);
  return labels.length <= 1 ? (labels[0] ?? '') : `${labels.slice(0, -1).join(', ')} ${or} ${labels.at(-1)}`;
}

/** A file's size as people read it: "850 KB", "2.4 MB". */
export function sizeInWords(bytes: number, locale: 'en' | 'es'): string {
  const intl = locale === 'es' ? 'es-US' : 'en-US';
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat(intl, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`;
  return `${new Intl.NumberFormat(intl, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}

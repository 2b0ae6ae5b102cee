/**
 * Staff open a file a citizen attached (decision 0113): only staff who may work the case, only a file the case
 * holds, only once released (copied under files/) with the scan's NO_THREATS_FOUND on it, and every open is an
 * audit entry written before the link is made. The link itself works for OPEN_LINK_SECONDS.
 */
import { type AttachedFile, FILE_KIND_INFO, filesOf } from '#catalog/file-kinds';
import { translate } from '#catalog/i18n';
import { NotFoundError } from '#shared/errors';
import { auditEntry } from './audit.ts';
import { type Acting, type CaseDeps, caseFor } from './cases.ts';
import { type FileStorage, RELEASED_PREFIX, scanVerdict } from './uploads.ts';

/** The file with this id among the case's answers, and the question holding it. */
export function fileOfCase(
  answers: Record<string, unknown>,
  fileId: string,
): { question: string; file: AttachedFile } | undefined {
  for (const [question, value] of Object.entries(answers)) {
    const file = filesOf(value).find((candidate) => candidate.id === fileId);
    if (file) return { question, file };
  }
  return undefined;
}

export async function openCaseFile(
  input: Acting & { fileId: string },
  deps: CaseDeps & { storage: FileStorage },
): Promise<{ url: string; file: AttachedFile }> {
  const t = (key: string) => translate(deps.strings, key, input.locale);
  const { found, actor } = await caseFor(input, deps);
  const { submission } = found;
  const held = fileOfCase(submission.answers, input.fileId);
  if (!held) throw new NotFoundError(t('case.fileNotFound'));
  const { file, question } = held;
  // Staff never receive a file that was not released clean, whatever the record says.
  if (!file.key.startsWith(RELEASED_PREFIX) || scanVerdict(await deps.storage.scanTag(file.key)) !== 'clean')
    throw new NotFoundError(t('case.fileGone'));
  await deps.store.recordAudit(
    auditEntry(
      {
        actor,
        agency: submission.agency,
        action: 'case.file',
        record: submission.code,
        detail: { question, file: file.id },
        from: input.from,
      },
      deps,
    ),
  );
  const url = await deps.storage.openLink(file.key, file.name, FILE_KIND_INFO[file.kind].mime);
  return { url, file };
}

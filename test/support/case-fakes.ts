/** An in-memory CaseStore with DynamoDB's semantics where they matter: a versioned write is conditional. */
import type { AuditEntry } from '#domain/audit';
import type { CaseChange, CaseRecord, CaseStore } from '#domain/cases';
import type { Submission } from '#domain/submissions';

export function inMemoryCaseStore(initial: Submission[] = []) {
  const cases = new Map<string, CaseRecord>(
    initial.map((s) => [
      s.code,
      { submission: structuredClone(s), history: [{ status: s.status, at: s.submittedAt }], messages: [] },
    ]),
  );
  const audit: AuditEntry[] = [];
  const changes: CaseChange[] = [];
  // Let racing callers interleave: every call yields once before it decides, as a network round trip does.
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const store: CaseStore = {
    async findCase(code) {
      await tick();
      const found = cases.get(code);
      return found && structuredClone(found);
    },
    async applyChange(change) {
      await tick();
      const found = cases.get(change.code);
      if (!found) throw new Error(`no case ${change.code}`);
      if (change.update) {
        if ((found.submission.version ?? 0) !== change.update.expectedVersion) return 'stale';
        found.submission = structuredClone(change.update.submission);
      }
      if (change.history) found.history.push(change.history);
      if (change.message) found.messages.push(change.message);
      audit.push(change.audit);
      changes.push(structuredClone(change));
      return 'applied';
    },
    async recordAudit(entry) {
      await tick();
      audit.push(entry);
    },
    async auditOf(code) {
      return audit.filter((e) => e.record === code).sort((a, b) => b.at.localeCompare(a.at));
    },
  };
  return { store, cases, audit, changes };
}

/**
 * Sessions, codes and grants in memory (a restart signs everyone out, like clearing Cognito's sessions);
 * only the signing key is kept on disk. oidc-provider's own memory adapter is for quick starts and warns that it
 * MUST be replaced; this one is what the local issuer (and the tests' other OpenID providers) deliberately want.
 */
export class MemoryAdapter {
  static store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  readonly #name: string;
  constructor(name: string) {
    this.#name = name;
  }
  #key(id: string) {
    return `${this.#name}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    MemoryAdapter.store.set(this.#key(id), { payload, expiresAt: Date.now() + expiresIn * 1000 });
    if (typeof payload.uid === 'string')
      MemoryAdapter.store.set(`${this.#name}:uid:${payload.uid}`, { payload: { id }, expiresAt: Date.now() + expiresIn * 1000 });
    if (typeof payload.userCode === 'string')
      MemoryAdapter.store.set(`${this.#name}:user:${payload.userCode}`, {
        payload: { id },
        expiresAt: Date.now() + expiresIn * 1000,
      });
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.#key(id));
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      MemoryAdapter.store.delete(this.#key(id));
      return undefined;
    }
    return entry.payload;
  }
  async #findBy(prefix: string, value: string) {
    const pointer = await this.find(`${prefix}:${value}`);
    return pointer ? this.find(String(pointer.id)) : undefined;
  }
  findByUid(uid: string) {
    return this.#findBy('uid', uid);
  }
  findByUserCode(userCode: string) {
    return this.#findBy('user', userCode);
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.#key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.#key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of MemoryAdapter.store) if (entry.payload.grantId === grantId) MemoryAdapter.store.delete(key);
  }
}

/** Session stores for the server tests: the memory store, watched or made to fail one write. */
import { MemorySessionStore, SessionStoreUnavailableError } from '../../../src/server/index.ts';
import type { SessionRecord } from '../../../src/server/index.ts';

/**
 * Keeps every record written, in order (to know the secrets the browser must not see, or the
 * offers each write kept); and can lose the next write, as a process that dies after Okta
 * answered and before the session was saved.
 */
export class RecordingStore extends MemorySessionStore {
  readonly written: SessionRecord[] = [];
  loseNextWrite = false;

  override set(key: string, record: SessionRecord, ttlMs: number): void {
    if (this.loseNextWrite) {
      this.loseNextWrite = false;
      throw new SessionStoreUnavailableError('the write was lost');
    }
    this.written.push(record);
    super.set(key, record, ttlMs);
  }
}

/**
 * Serializes the writes to one organization within this process: an import reads the organization, plans against
 * it and writes; two at once could both add the same rows. The store's transactions keep each write whole.
 */
export class OrgLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(org: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(org) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(org, tail);
    void tail.then(() => {
      if (this.tails.get(org) === tail) this.tails.delete(org);
    });
    return result;
  }
}

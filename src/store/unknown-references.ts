import { AttainError, type Issue } from '../core/attain-error.js';

const MAX_ISSUES = 1000;

/**
 * Collects references to people or customers an organization does not have, one issue per record (up to a
 * thousand, as the organization parser does), and throws them together as `store.reference.unknown`.
 */
export class UnknownReferences {
  private readonly issues: Issue[] = [];
  private readonly ids = new Set<string>();

  add(code: 'store.person.unknown' | 'store.customer.unknown', path: string, id: string): void {
    this.ids.add(id);
    const key = code === 'store.person.unknown' ? 'person' : 'customer';
    if (this.issues.length < MAX_ISSUES) this.issues.push({ code, path, params: { [key]: id } });
  }

  throwIfAny(orgId: string): void {
    if (this.issues.length === 0) return;
    const some = [...this.ids].slice(0, 5).join(', ');
    throw new AttainError(
      'store.reference.unknown',
      `organization "${orgId}" has no person or customer ${some}${this.ids.size > 5 ? ', …' : ''}`,
      this.issues,
    );
  }
}

import { type Document, isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { Issue } from './attain-error.js';
import { isExactNumber } from './inexact-number.js';

/**
 * How much a YAML document may repeat through aliases (`*name`): how many aliases (the parser's own count), and how
 * many characters they stand for in all. The count alone let a 1 MB document alias one 1 MB string 999 times, which
 * took 4.8 s and 2.8 GB to read.
 */
/** The reason (as the YAML library's error codes are) of a document nested deeper than the stack allows. */
export const NESTED_TOO_DEEPLY = 'NESTED_TOO_DEEPLY';

export const YAML_LIMITS = { aliases: 1000, aliasCharacters: 1_000_000 } as const;

/** A quick look for what needs a walk over the nodes: an alias, or a number a double cannot hold. */
const MAYBE_ALIAS = /\*/;
const MAYBE_LONG = /\d[\d.]{15}|[eE][+-]?\d{3}/;

/**
 * The value of a parsed YAML document, or the issues that refuse it: aliases that repeat too much
 * (`input.yaml.aliases`), numbers that would be read as another number (`input.number.inexact`), both checked on
 * the nodes before anything is expanded.
 */
export function yamlValue(doc: Document, text: string, lineCounter: LineCounter): { value: unknown } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const aliases = MAYBE_ALIAS.test(text);
  const numbers = MAYBE_LONG.test(text);
  if (aliases || numbers) {
    try {
      new NodeWalk(issues, lineCounter).walk(doc.contents as Node | null);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      issues.push({
        code: 'input.malformed-yaml',
        path: '$',
        params: { detail: 'nested too deeply', reason: NESTED_TOO_DEEPLY },
      });
    }
  }
  if (issues.length > 0) return { issues };
  try {
    return { value: doc.toJS({ maxAliasCount: YAML_LIMITS.aliases }) };
  } catch (error) {
    const detail = (error as Error).message;
    if (/alias count/i.test(detail)) return { issues: [aliasIssue()] };
    return { issues: [{ code: 'input.malformed-yaml', path: '$', params: { detail } }] };
  }
}

function aliasIssue(): Issue {
  return {
    code: 'input.yaml.aliases',
    path: '$',
    params: { aliases: YAML_LIMITS.aliases, characters: YAML_LIMITS.aliasCharacters },
  };
}

/**
 * One pass over the nodes in document order, where every anchor comes before its aliases: each node's size as
 * expanded (an alias as large as its anchor's node) is found once, so however aliases nest, the walk is linear.
 */
class NodeWalk {
  private readonly anchors = new Map<string, number>();
  private reported = false;

  constructor(
    private readonly issues: Issue[],
    private readonly lineCounter: LineCounter,
  ) {}

  walk(root: Node | null): void {
    if (!root) return;
    const [expanded, written] = this.size(root);
    if (expanded - written > YAML_LIMITS.aliasCharacters) this.issues.push(aliasIssue());
  }

  /** The characters a node stands for: expanded, and as written (an alias as nothing). */
  private size(node: unknown): [number, number] {
    let sizes: [number, number];
    if (isAlias(node)) {
      const size = this.anchors.get(node.source) ?? 0;
      return [size, 0];
    }
    if (isScalar(node)) {
      const length = node.range ? node.range[1] - node.range[0] : String(node.value).length;
      if (typeof node.value === 'number' && !this.reported && typeof node.source === 'string' && !isExactNumber(node.source)) {
        const pos = this.lineCounter.linePos(node.range?.[0] ?? 0);
        this.issues.push({
          code: 'input.number.inexact',
          path: '$',
          params: { value: node.source, line: pos.line, column: pos.col },
        });
        this.reported = true;
      }
      sizes = [length, length];
    } else if (isMap(node) || isSeq(node)) {
      sizes = [1, 1];
      for (const item of node.items as unknown[]) {
        const parts = isPair(item) ? [item.key, item.value] : [item];
        for (const part of parts) {
          if (part === null || part === undefined) continue;
          const [e, w] = this.size(part);
          sizes[0] += e;
          sizes[1] += w;
        }
      }
    } else sizes = [0, 0];
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.anchors.set(anchor, sizes[0]);
    return sizes;
  }
}

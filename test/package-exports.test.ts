import { describe, expect, it } from 'vitest';

// The package imported by its own name, as a user's code would: through package.json's `exports` to dist/.
describe('the package’s entry points', () => {
  it.each([
    ['attain', ['evaluate', 'parseOrganization', 'loadShippedCatalog', 'renderEvaluationText']],
    ['attain/engine', ['evaluateLevel', 'parseOrganization', 'compileCatalog', 'validateCatalog', 'Decimal']],
    ['attain/planner', ['evaluate', 'planLevel', 'forecast']],
    ['attain/store', ['openStore']],
    ['attain/server', ['createApp']],
  ])('%s exports its public parts', async (specifier, names) => {
    const module = (await import(specifier)) as Record<string, unknown>;
    for (const name of names) expect([specifier, name, typeof module[name]]).toEqual([specifier, name, 'function']);
  });

  it('evaluates through attain/engine and attain/planner alone, as the CLI does', async () => {
    const engine = await import('attain/engine');
    const planner = await import('attain/planner');
    const catalog = await engine.loadShippedCatalog();
    const organization = engine.parseOrganization({ id: 'x', market: 'developed', people: [], customers: [], revenue: [] });
    const evaluation = await planner.evaluate(catalog, organization, { asOf: engine.parseDay('2018-03-31') as number });
    expect(evaluation.results.length).toBeGreaterThan(0);
    expect(evaluation.results.every((r) => r.status !== 'attained')).toBe(true);
  });
});

import type { TextKind } from '../text-kind.js';

export const anyOfText: TextKind<'anyOf'> = {
  lines(requirement, result, { head, pad, indent }, out, tools) {
    const { f, m, mark } = tools;
    const chosen = requirement.paths.find((p) => p.id === result.path);
    out.push(chosen ? `${head}: ${m.chosenPath(f.text(chosen.name))}` : head);
    result.paths.forEach((pathResult, i) => {
      const path = requirement.paths[i];
      if (!path) return;
      out.push(`${pad}    ${mark[pathResult.status]} ${f.text(path.name)}`);
      pathResult.requirements.forEach((child, j) => {
        const childDefinition = path.requirements[j];
        if (childDefinition) tools.requirement(childDefinition, child, indent + 6, out);
      });
    });
  },
  gap(gap, requirement, params, { f, finding }) {
    if (gap.code === 'paths.none-met') params.pathNames = f.or(requirement.paths.map((p) => f.text(p.name)));
    return finding(gap.code, params);
  },
};

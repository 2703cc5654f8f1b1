import { describe, expect, it } from 'vitest';
import { grantsReach, type RoleGrant, scopeRoots } from './roles.js';

describe('role grants reach a subtree', () => {
  const grants: RoleGrant[] = [
    { role: 'committee', organizationPath: '/r/b/c1/' },
    { role: 'member', organizationPath: '/r/b/c2/' },
  ];

  it.each([
    ['own organization', ['committee'], '/r/b/c1/', true],
    ['a descendant', ['committee'], '/r/b/c1/w/', true],
    ['the parent', ['committee'], '/r/b/', false],
    ['a sibling', ['committee'], '/r/b/c2/', false],
    ['a sibling reached by another role not allowed here', ['committee'], '/r/b/c2/', false],
    ['a sibling reached by an allowed other role', ['committee', 'member'], '/r/b/c2/', true],
  ] as const)('%s', (_name, allowed, target, reached) => {
    expect(grantsReach(grants, allowed, target)).toBe(reached);
  });

  it('keeps only the topmost paths as scope roots', () => {
    expect(scopeRoots(['/r/b/c/', '/r/b/', '/r/x/', '/r/b/'])).toEqual(['/r/b/', '/r/x/']);
  });
});

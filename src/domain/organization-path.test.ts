import { describe, expect, it } from 'vitest';
import {
  childPath,
  depthOf,
  idsOnPath,
  isWithin,
  rebasePath,
  wouldCreateCycle,
} from './organization-path.js';

describe('materialized organization paths', () => {
  const root = childPath(null, 'r');
  const bloc = childPath(root, 'b');
  const base = childPath(bloc, 'c');

  it('builds paths and depths from the root', () => {
    expect([root, bloc, base]).toEqual(['/r/', '/r/b/', '/r/b/c/']);
    expect([depthOf(root), depthOf(bloc), depthOf(base)]).toEqual([0, 1, 2]);
    expect(idsOnPath(base)).toEqual(['r', 'b', 'c']);
  });

  it('treats a prefix as the subtree, without matching ids that merely start alike', () => {
    expect(isWithin(base, bloc)).toBe(true);
    expect(isWithin(bloc, base)).toBe(false);
    expect(isWithin('/r/bb/', '/r/b/')).toBe(false);
  });

  it('rebases a descendant when its ancestor moves', () => {
    expect(rebasePath('/r/b/c/d/', '/r/b/c/', '/r/x/c/')).toBe('/r/x/c/d/');
  });

  it.each([
    ['/r/b/', '/r/b/c/', true],
    ['/r/b/', '/r/b/', true],
    ['/r/b/', '/r/x/', false],
  ])('moving %s under %s makes a cycle: %s', (moved, parent, cycle) => {
    expect(wouldCreateCycle(moved, parent)).toBe(cycle);
  });
});

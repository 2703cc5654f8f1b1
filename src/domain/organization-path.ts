/**
 * An organization's place in the tree is a materialized path of ids: `/root/child/grandchild/`.
 * A subtree is every path with the same prefix, so scope checks and subtree queries need no walk.
 */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** The root is at depth 0. */
export function depthOf(path: string): number {
  return idsOnPath(path).length - 1;
}

/** The ids on the path from the root down to the organization itself. */
export function idsOnPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The new path of a descendant when its ancestor moves from one path to another. */
export function rebasePath(path: string, oldPrefix: string, newPrefix: string): string {
  if (!path.startsWith(oldPrefix)) throw new Error('path is not under the moved prefix');
  return newPrefix + path.slice(oldPrefix.length);
}

/** Moving an organization under itself or its own descendant would cut the tree into a cycle. */
export function wouldCreateCycle(movedPath: string, newParentPath: string): boolean {
  return isWithin(newParentPath, movedPath);
}

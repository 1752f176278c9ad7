// Where a request's path falls against a mount path, matched as Express matches its mounts.

/** Where a request's path falls: under the mount (`below`), or elsewhere. */
export function splitMount(
  url: string,
  basePath: string,
): { below: string; query: string } | undefined {
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : url.slice(mark + 1);
  if (basePath === '') return { below: path || '/', query };
  // As Express mounts: the prefix in any case, followed by `/` or nothing.
  if (path.length < basePath.length) return undefined;
  if (path.slice(0, basePath.length).toLowerCase() !== basePath.toLowerCase()) return undefined;
  const below = path.slice(basePath.length);
  if (below !== '' && below[0] !== '/') return undefined;
  return { below: below || '/', query };
}

/** Test helper: the files below a folder (recursively) whose names match, as paths joined onto `dir`. */
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';

/** Files below `dir` whose names match `name`, in directory order; none if `dir` does not exist. */
export function filesBelow(dir: string, name: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesBelow(path, name);
    return name.test(entry.name) ? [path] : [];
  });
}

// Reads a world file: YAML text -> validated World, or a WorldFileError listing every problem with its place.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { validateWorld } from './validate-world.js';
import type { World } from './world-types.js';

/** The file cannot be read or is not a valid world: the command exits 3 and prints each problem. */
export class WorldFileError extends Error {
  override readonly name = 'WorldFileError';

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export function parseWorld(text: string): World {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new WorldFileError(doc.errors.map((e) => `line ${e.linePos?.[0].line ?? '?'}: ${firstLine(e.message)}`));
  }
  const { world, problems } = validateWorld(doc.toJS());
  if (world === undefined) throw new WorldFileError(problems);
  return world;
}

export function loadWorld(file: string): World {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new WorldFileError([`${file}: cannot read the world file (${code})`]);
  }
  return parseWorld(text);
}

/** The yaml library appends a code excerpt after the first line; the line number says enough. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

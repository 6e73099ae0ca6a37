import { readFileSync } from 'node:fs';

/**
 * The version in the package's manifest, `unknown` when it has none. Read relative to this
 * module's file, which sits one level below the package's root both in `dist/` and bundled into
 * `dist/borough-command.mjs`.
 */
export const packageVersion = (): string => {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest && typeof manifest.version === 'string' ? manifest.version : 'unknown';
};

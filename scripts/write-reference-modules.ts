import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { referenceModuleFolder, renderReferenceModules } from './reference-modules.js';

for (const [file, text] of Object.entries(renderReferenceModules())) {
  writeFileSync(join(referenceModuleFolder, file), text);
  console.log(`wrote packages/domain/src/reference/${file}`);
}

import { processIo } from './cli/io.js';
import { londonShowcase } from './showcase/london-showcase.js';

// `npm start`: London's history 2009-2019, its figures, and the HTML report.
process.exitCode = await londonShowcase(processIo());

import type { Subcommand } from '../cli/subcommand.js';
import { accountabilityCommand } from './accountability.js';
import { applyCommand } from './apply.js';
import { complianceCommand } from './compliance.js';
import { continuityCommand } from './continuity.js';
import { demoCommand } from './demo.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { replayCommand } from './replay.js';
import { reportCommand } from './report.js';
import { tenureCommand } from './tenure.js';
import { timelineCommand } from './timeline.js';
import { trailCommand } from './trail.js';
import { verifyCommand } from './verify.js';

/** Every subcommand, in the order the help lists them: writing, checking, reading. */
export const subcommands: readonly Subcommand[] = [
  applyCommand,
  demoCommand,
  verifyCommand,
  replayCommand,
  tenureCommand,
  timelineCommand,
  continuityCommand,
  accountabilityCommand,
  complianceCommand,
  trailCommand,
  reportCommand,
  exportCommand,
  importCommand,
];

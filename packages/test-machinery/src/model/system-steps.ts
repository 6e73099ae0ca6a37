import type fc from 'fast-check';
import { appointStep } from './appointment-step.js';
import { assessStep, endPostingStep, startPostingStep } from './posting-steps.js';
import { dissolveStep, goLiveStep, proposeOverlappingStep } from './restructure-steps.js';
import type { SystemStep } from './step-helpers.js';

/** Every step a model run draws from, repeated to weigh them: mostly commands the system accepts, some it must refuse. */
export const systemSteps: readonly fc.Arbitrary<SystemStep>[] = [
  startPostingStep,
  startPostingStep,
  endPostingStep,
  endPostingStep,
  assessStep,
  appointStep,
  appointStep,
  appointStep,
  goLiveStep,
  goLiveStep,
  dissolveStep,
  proposeOverlappingStep,
];

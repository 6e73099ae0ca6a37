/** Waiting for something to happen without a wall-clock bound: the test's own timeout is the bound. */

/** Polls `condition` every few milliseconds until it holds, for conditions that need I/O to change. */
export const eventually = async (condition: () => boolean | Promise<boolean>): Promise<void> => {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 5));
};

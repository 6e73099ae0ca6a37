import { userInfo } from 'node:os';

/** Who runs the command line, for the events' `actor`: the login name, else `borough-command`. */
export const defaultActor = (): string => {
  try {
    const name = userInfo().username;
    return name === '' ? 'borough-command' : name;
  } catch {
    return 'borough-command';
  }
};

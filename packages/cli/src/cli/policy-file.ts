import { readFile, stat } from 'node:fs/promises';
import * as E from 'fp-ts/lib/Either.js';
import { PolicyFileCodec, type PolicyFile } from '@borough-command/domain';
import { firstProblem, showValue } from '@borough-command/domain/eventsourcing';
import { inputError, usageError, type CliFailure } from './failure.js';

/** The largest policy file read, in bytes: its versions and their changes, role descriptions included, fit many times over. */
export const MAX_POLICY_FILE_BYTES = 1_048_576;

/** A problem of a policy file: the file, the field (its path inside the file, none for the file as a whole) and the reason. */
export const policyFileProblem = (file: string, field: string, reason: string): CliFailure =>
  inputError(`policy file ${file}: ${field === '' ? '' : `${field}: `}${reason.replace(/\.$/, '')}; nothing was applied`);

/**
 * Reads a policy file's text. A file that is not there is a mistake in `--policy`: the value was
 * neither `enforce`, `record` nor a file.
 */
const readPolicyText = async (file: string): Promise<E.Either<CliFailure, string>> => {
  try {
    const info = await stat(file);
    if (!info.isFile()) return E.left(usageError(`--policy: '${file}' is neither 'enforce' nor 'record', nor a policy file (it is not a regular file)`));
    if (info.size > MAX_POLICY_FILE_BYTES) {
      return E.left(policyFileProblem(file, '', `the file is ${String(info.size)} bytes; a policy file may have at most ${String(MAX_POLICY_FILE_BYTES)}`));
    }
    return E.right(await readFile(file, 'utf8'));
  } catch (cause) {
    const code = (cause as { readonly code?: string }).code;
    return E.left(
      code === 'ENOENT' || code === 'ENOTDIR'
        ? usageError(`--policy: '${file}' is neither 'enforce' nor 'record', nor a policy file (no file at ${file})`)
        : usageError(`--policy: cannot read the policy file ${file}: ${cause instanceof Error ? cause.message : String(cause)}`),
    );
  }
};

/** Reads and decodes a policy file (`PolicyFileCodec`); a value the codec refuses names the file and the field. */
export const readPolicyFile = async (file: string): Promise<E.Either<CliFailure, PolicyFile>> => {
  const text = await readPolicyText(file);
  if (E.isLeft(text)) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.right);
  } catch (cause) {
    return E.left(policyFileProblem(file, '', `not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`));
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return E.left(policyFileProblem(file, '', `expected a JSON object with "enforcement" and "versions", got ${showValue(json)}`));
  }
  const decoded = PolicyFileCodec.decode(json);
  if (E.isRight(decoded)) return decoded;
  const problem = firstProblem(decoded.left);
  return E.left(policyFileProblem(file, problem.path, problem.reason));
};

import * as E from 'fp-ts/lib/Either.js';
import { londonBcus, londonBoroughs, type CommandUnit } from '@borough-command/domain';
import { inputError, type CliFailure } from './failure.js';

const folded = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ').replaceAll('&', 'and');

/** Edits (insertions, deletions, substitutions) from one text to another. */
const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

const suggestionsFor = (name: string, known: readonly string[]): string => {
  const wanted = folded(name);
  const near = known.filter((candidate) => {
    const text = folded(candidate);
    return wanted.length > 0 && (text.includes(wanted) || editDistance(text, wanted) <= 2);
  });
  return near.length === 0 ? '' : `; did you mean ${near.map((candidate) => `'${candidate}'`).join(' or ')}?`;
};

/** A London borough by name, in any case (`&` for `and` too): its name as the reference data spells it. */
export const boroughNamed = (name: string): E.Either<CliFailure, string> => {
  const found = londonBoroughs.find((borough) => folded(borough.name) === folded(name));
  return found === undefined
    ? E.left(inputError(`'${name}' is not one of London's 32 boroughs${suggestionsFor(name, londonBoroughs.map((borough) => borough.name))}`))
    : E.right(found.name);
};

/**
 * A command unit by name: a London borough, a BCU of 2017-2019 (`Central North` or `Central North
 * BCU`), or another unit the history holds; in any case.
 */
export const commandUnitNamed = (name: string, inHistory: readonly CommandUnit[]): E.Either<CliFailure, CommandUnit> => {
  const wanted = folded(name).replace(/ bcu$/, '');
  const borough = londonBoroughs.find((candidate) => folded(candidate.name) === wanted);
  if (borough !== undefined) return E.right({ kind: 'borough', name: borough.name });
  const bcu = londonBcus.find((candidate) => folded(candidate.name) === wanted);
  if (bcu !== undefined) return E.right({ kind: 'bcu', name: bcu.name });
  const other = inHistory.find((unit) => folded(unit.name) === wanted);
  if (other !== undefined) return E.right(other);
  const known = [...londonBoroughs.map((candidate) => candidate.name), ...londonBcus.map((candidate) => candidate.name)];
  return E.left(inputError(`'${name}' is not a London borough, a BCU or a command unit of this history${suggestionsFor(name, known)}`));
};

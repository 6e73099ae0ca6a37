import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { areaCommanderRoleDescription, boroughCommanderRoleDescription, defaultRoleDescriptions } from '../../src/reference/role-descriptions.js';
import { bcuSources, londonBcus } from '../../src/reference/london-bcus.js';
import { findBcu, findBorough, isLondonBorough, londonWardCount2017, pathfinderBcus, wardsOf } from '../../src/reference/london.js';
import { londonBoroughs } from '../../src/reference/london-boroughs.js';

describe('London reference data', () => {
  it('has the 32 boroughs policed by the Met, each once, without the City of London', () => {
    expect(londonBoroughs).toHaveLength(32);
    expect(new Set(londonBoroughs.map((borough) => borough.name)).size).toBe(32);
    expect(isLondonBorough('City of London')).toBe(false);
    expect(findBorough('Barking and Dagenham')?.gssCode).toBe('E09000002');
  });

  it('counts 629 wards in the 2014-2018 pattern: 1,258 dedicated ward officers at two per ward (RS-7)', () => {
    expect(londonWardCount2017).toBe(629);
    expect(londonWardCount2017 * 2).toBe(1258);
    expect(wardsOf('Camden')).toBe(18);
    expect(wardsOf('Gotham')).toBeUndefined();
  });

  it('has 12 BCUs that together hold every borough exactly once, each borough naming its BCU', () => {
    expect(londonBcus).toHaveLength(12);
    const members = londonBcus.flatMap((bcu) => bcu.boroughs);
    expect(members.sort()).toEqual(londonBoroughs.map((borough) => borough.name).sort());
    for (const borough of londonBoroughs) expect(findBcu(borough.bcu2018)?.boroughs).toContain(borough.name);
    expect(londonBcus.map((bcu) => bcu.boroughs.length).sort()).toEqual([2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4]);
  });

  it('marks the two 2017 pathfinders: Central North (Camden, Islington) and East Area (Barking and Dagenham, Havering, Redbridge)', () => {
    expect(pathfinderBcus.map((bcu) => [bcu.name, [...bcu.boroughs].sort()])).toEqual([
      ['Central North', ['Camden', 'Islington']],
      ['East Area', ['Barking and Dagenham', 'Havering', 'Redbridge']],
    ]);
    for (const borough of londonBoroughs) expect(borough.pathfinder).toBe(findBcu(borough.bcu2018)?.pathfinder);
  });

  it('keeps the precision of go-live dates and leaves unknown dates unknown', () => {
    expect(findBcu('West Area')?.goLive).toMatchObject({ value: '2018-06-06', precision: 'day' });
    expect(findBcu('Central North')?.goLive).toMatchObject({ value: '2017-01', precision: 'month' });
    for (const name of ['North West', 'North East', 'Central South']) expect(findBcu(name)?.goLive).toMatchObject({ value: null, precision: 'unknown' });
  });

  it('keeps a source on every record, and every cited source key exists', () => {
    for (const borough of londonBoroughs) expect(borough.source.length).toBeGreaterThan(20);
    for (const bcu of londonBcus) {
      expect(bcu.source.length).toBeGreaterThan(20);
      for (const key of [...bcu.goLive.sources, ...bcu.nameSources]) expect(bcuSources[key], `${bcu.name} cites ${key}`).toBeDefined();
    }
  });

  it('ships the role descriptions endorsed on 17 June 2010, with the three-year commitment, and the link role empty and unendorsed', () => {
    expect(areaCommanderRoleDescription.endorsedOn).toBe('2010-06-17');
    expect(boroughCommanderRoleDescription.endorsedOn).toBe('2010-06-17');
    expect(boroughCommanderRoleDescription.sections.map((section) => section.heading)).toEqual([
      'Performance', 'Personal standards', 'Resources', 'Pride and professionalism',
    ]);
    expect(boroughCommanderRoleDescription.sections.flatMap((section) => section.items).join(' ')).toContain('for a period of 3 years');
    expect(areaCommanderRoleDescription.sections.flatMap((section) => section.items).join(' ')).toContain('propose preferred candidate to ACTP for agreement');
    const link = defaultRoleDescriptions.find((description) => description.role === 'link-borough-commander');
    expect(link).toMatchObject({ endorsedOn: undefined, sections: [] });
  });

  it('quotes the role descriptions word for word from the 2010 report', () => {
    const report = readFileSync(join(import.meta.dirname, 'fixtures', 'report-2010-appendix-1.txt'), 'utf8').replace(/\s+/g, ' ');
    for (const description of [areaCommanderRoleDescription, boroughCommanderRoleDescription]) {
      for (const item of description.sections.flatMap((section) => section.items)) {
        expect(report, item).toContain(item.replace(/^— /, '').replace(/\s+/g, ' '));
      }
    }
  });
});

import { isoDate, type IsoDate } from '../shared/iso-date.js';

/** The roles that have a role description: the three commander roles and the area commander. */
export type DescribedRole = 'area-commander' | 'borough-commander' | 'link-borough-commander' | 'bcu-commander';

/** One part of a role description, with the heading the source gives it (if any). */
export interface RoleDescriptionSection {
  readonly heading: string | undefined;
  readonly items: readonly string[];
}

/** A version of a role description. Only an endorsed version can be attached to an appointment (AP-2). */
export interface RoleDescription {
  readonly role: DescribedRole;
  readonly version: number;
  /** The day the version was endorsed, or undefined while it is not. */
  readonly endorsedOn: IsoDate | undefined;
  readonly endorsedBy: string | undefined;
  readonly sections: readonly RoleDescriptionSection[];
  readonly source: string;
}

const REPORT_2010 =
  "Metropolitan Police Authority, report 8 of 17 June 2010, 'Area Commander and Borough Commander roles', Appendix 1 (seed 001)";
const ENDORSED_BY = 'Metropolitan Police Authority (recommendation A of report 8, 17 June 2010)';

/** The area commander's role definition of 2010 (its source gives no section headings). */
export const areaCommanderRoleDescription: RoleDescription = {
  role: 'area-commander',
  version: 1,
  endorsedOn: isoDate('2010-06-17'),
  endorsedBy: ENDORSED_BY,
  source: REPORT_2010,
  sections: [
    { heading: undefined, items: [
      "The line manager for the borough commanders in their Area",
      "accountable for the overall performance of the relevant boroughs, in particular against policing plan objectives/targets",
      "responsible for ensuring effective management of police operations/critical incidents that are beyond the capacity/capability of a single borough or which have pan-MPS implications",
      "responsible for facilitating the development of cross border, regional partnership and pan-MPS approaches in support of improved service delivery by Boroughs",
      "responsible for effective delivery in specified portfolios",
    ] },
    { heading: undefined, items: [
      "enable and support cross-borough operations addressing criminality and linked volume crime patterns that cross local boundaries [but which are not capable of being addressed corporately]",
      "exercise the command function in response to linked or cross border major/critical incidents that require a corporate response",
      "identify and disseminate learning and good practice from major/critical incidents & operations",
      "take an overview of preparedness for the response to critical/major incidents",
      "take responsibility for the on-call arrangements in their Area, agreeing and setting the standard for shared on-call",
    ] },
    { heading: undefined, items: [
      "contribute fully to TP business group and corporate policy development and implementation",
      "work effectively with TP command team colleagues, and in particular other Area commanders, to achieve consistency of good practice and strong performance across all boroughs",
      "identify and enable opportunities to achieve productivity gains e.g. by ‘brigading’ functions",
      "in conjunction with TP Change Co-ordination, act as gatekeeper for requests by other BGs and Directorates for the roll-out, or piloting of initiatives and change programmes",
      "support CCC end to end processes and performance relating to the relevant control centre [Lambeth, Bow, Hendon]",
      "maintain strategic links and effective working relationships with other business groups",
      "maintain an overview of compliance with key MPS processes (crime, business etc.) and take steps to ensure compliance, and identification/sharing of good practice",
      "where appropriate, set parameters within which boroughs have the freedom to act and experiment",
      "ensure that structures exist to promote organisational development, e.g. leads for each of the programmes are supported by Area structures, people engaged in such work are provided with support and advice, etc.",
      "work with BOCU Commanders and TP on preparation for future challenges.",
      "ensure the integration of new programmes of work on Boroughs in order to make sense of change and drive through the benefits into operational improvements or efficiencies.",
      "hold TPHQ and other BGs to account for the support they provide boroughs in pursuance of performance improvement",
    ] },
    { heading: undefined, items: [
      "as part of the process for appointing borough commanders, the area commander will:",
      "— liaise with partners (to include Chief Executive/Leader, MPs, MPA link member) about specific skills required",
      "— interview candidates",
      "— propose preferred candidate to ACTP for agreement",
      "— discuss chosen candidate with partners",
      "— report outcomes of process to Director HR",
      "discuss borough commander’s performance with partners to help in the preparation of the PDR",
      "actively coach and develop staff for the future including facilitating the movement of staff across the Area in a managed way that supports boroughs and meets individual development needs.",
      "exercise oversight and directly influence decision-making relating to the application of the deployment plan and skills requirement/balance",
      "undertake/support selection processes for SMT ranks/grades.",
      "actively engage in the development of Borough SMTs and individuals [particularly Superintendents]",
      "undertake role as assessor as required",
    ] },
    { heading: undefined, items: [
      "ensure that additional operational capability and effectiveness is delivered through Partnership both within the BOCU [CDRP and LSP] and across borough boundaries",
      "ensure the effective management of contracts and shared services",
      "draw together, share and disseminate the learning from strategic partners such as Chief Executives and Directors of Children’s Services.",
    ] },
  ],
};

/** The BOCU (borough) commander's role definition of 2010, including the three-year commitment. */
export const boroughCommanderRoleDescription: RoleDescription = {
  role: 'borough-commander',
  version: 1,
  endorsedOn: isoDate('2010-06-17'),
  endorsedBy: ENDORSED_BY,
  source: REPORT_2010,
  sections: [
    { heading: "Performance", items: [
      "BOCU Commanders are expected to be part of the team that delivers performance across the MPS for the benefit of all communities; they are encouraged to work proactively with all partners, including other MPS Directorates, to achieve the broadest organisational agenda.",
      "In context of the above, the specific requirement of each BOCU Commander is to deliver the performance commitments laid out in the MPS Policing Plan and, more specifically the negotiated targets as articulated in the TP Scorecard.",
      "In delivery of these targets, BOCU Commanders are expected to ensure fairness and proportionality for all communities we serve and to deliver ethically and with absolute integrity in accordance with the values of the organisation.",
      "BOCU Commanders are to be recognisable within their partnership arrangements as equal contributors who leverage support and resource whilst delivering their required outcomes for partnership success.",
      "BOCU Commanders are expected to understand both the enablers and the inhibitors for performance delivery within their own environment and must ensure that their processes and systems are structured to identify and respond quickly to changing circumstances.",
    ] },
    { heading: "Personal standards", items: [
      "BOCU Commanders are expected to adhere to the highest personal standards in both appearance and behaviour.",
      "They are to ensure they are accessible, available and familiar to all staff and communities who should have confidence in their ability to solve issues. As part of this commitment, they will be expected to fulfil the role for a period of 3 years, except in exceptional personal and/or professional circumstances.",
      "BOCU Commanders are expected to be both innovative and personally intrusive, including patrol, in the visible governance of the streets.",
    ] },
    { heading: "Resources", items: [
      "BOCU Commanders will proactively manage resources effectively and efficiently within budget, ensuring compliance with MPS/MPA policies and procedures and driving out best value for money",
      "Beyond this there is equal need to constantly review the policing productivity of individuals and teams ensuring a high quality of service is delivered at all times.",
      "BOCU Commanders are encouraged to recommend more effective ways of delivering policing for the benefit of all communities and to contribute to the strategic direction of the MPS.",
      "BOCU Commanders are encouraged to other funding sources in line with MPS/MPA policy. Resources funded within partnerships or other arrangements must be used appropriately and in accordance with the directions and agreement of the partners.",
      "A key role of leadership is the willingness to invest time in the development of staff. BOCU Commanders are encouraged to spot talent; proactively supporting others, including those who are under-represented in areas of the organization, in their career development.",
    ] },
    { heading: "Pride and professionalism", items: [
      "The role of the BOCU Commander is much valued by communities and partners; BOCU Commanders are encouraged to be proud of that position and recognize the corresponding responsibility.",
      "BOCU Commanders must ensure they are fully sighted on issues of risk within their Borough; in respect of the nature and needs of the communities they serve, managing the most dangerous and prolific offenders and understanding issues of taint within their BOCU or team, escalating risks appropriately via the Area Commander.",
      "BOCU Commanders are encouraged to actively support the MPS by ensuring those within their command have pride in the organization they belong to and the service they provide.",
    ] },
  ],
};

/**
 * The link borough commander's role has its own description (seed 000), but its text is not in the
 * sources: shipped with an empty body and not endorsed, so AP-2 refuses it until a version is endorsed.
 */
export const linkBoroughCommanderRoleDescription: RoleDescription = {
  role: 'link-borough-commander',
  version: 1,
  endorsedOn: undefined,
  endorsedBy: undefined,
  source: "Metropolitan Police Authority project summary 'Borough Commanders', objective 1 (seed 000); text not published",
  sections: [],
};

/** The BCU commander's role (seed 003) has no published description: shipped empty and not endorsed. */
export const bcuCommanderRoleDescription: RoleDescription = {
  role: 'bcu-commander',
  version: 1,
  endorsedOn: undefined,
  endorsedBy: undefined,
  source: "Met Police news 'Modernising the Metropolitan Police Service', 18 Nov 2016 (seed 003); no role description published",
  sections: [],
};

/** Every role description the library ships. A service endorses later versions through its policy. */
export const defaultRoleDescriptions: readonly RoleDescription[] = [
  areaCommanderRoleDescription,
  boroughCommanderRoleDescription,
  linkBoroughCommanderRoleDescription,
  bcuCommanderRoleDescription,
];

/** The role description of a role at a version, if the catalogue has it. */
export const findRoleDescription = (
  catalogue: readonly RoleDescription[],
  role: DescribedRole,
  version: number,
): RoleDescription | undefined => catalogue.find((description) => description.role === role && description.version === version);

/** AP-2: the first description of a role endorsed on or before a date, if any: before it, AP-2 does not apply. */
export const endorsedDescriptionOf = (
  catalogue: readonly RoleDescription[],
  role: DescribedRole,
  date: IsoDate,
): RoleDescription | undefined =>
  catalogue
    .filter((description) => description.role === role && description.endorsedOn !== undefined && description.endorsedOn <= date)
    .sort((a, b) => ((a.endorsedOn ?? '') < (b.endorsedOn ?? '') ? -1 : 1))[0];

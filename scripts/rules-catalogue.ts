/** One rule of the domain: its ID, what it says, and the source documents it comes from. */
export interface RuleEntry {
  readonly id: string;
  readonly rule: string;
  readonly source: string;
}

/** Every rule and view of the domain with its source (seed documents 000 to 004). */
export const ruleEntries: readonly RuleEntry[] = [
  { id: "AP-1", rule: "A process is opened for one command unit and one role (borough commander, link borough commander, or BCU commander), with the area commander who runs it.", source: "000, 001" },
  { id: "AP-2", rule: "The endorsed role description for that role (by version) is attached before any candidate is assessed.", source: "000 objective 1; 001 recommendation A" },
  { id: "AP-3", rule: "The area commander liaises with partners about the specific skills required: at least the local authority (chief executive or leader) must have been consulted before the first interview; MPs and the link member are recorded when consulted.", source: "001 Appendix 1; 000 objective 2" },
  { id: "AP-4", rule: "The area commander interviews candidates; only a candidate who applied or was shortlisted can be interviewed, once per process.", source: "001" },
  { id: "AP-5", rule: "The area commander proposes one interviewed candidate to the ACTP for agreement; one proposal is pending at a time.", source: "001" },
  { id: "AP-6", rule: "The ACTP agrees or declines the proposal; after a decline another interviewed candidate may be proposed.", source: "001" },
  { id: "AP-7", rule: "The chosen candidate is discussed with partners after ACTP agreement and before the final decision.", source: "001" },
  { id: "AP-8", rule: "For appointments decided on or after 2009-07-01 the candidate must have committed to serve three years on the borough before the final decision.", source: "000: \"appointed from July 2009 will have the skills and commitment to serve three years\"" },
  { id: "AP-9", rule: "The final decision is taken by the police authority and the MPS together, informed by the partners' involvement; it records who decided.", source: "000 objective 2" },
  { id: "AP-10", rule: "The outcome is reported to the Director HR; only then is the process complete.", source: "001" },
  { id: "AP-11", rule: "A process may be abandoned, with a reason, at any point before the final decision; a completed or abandoned process accepts no further commands.", source: "what users expect" },
  { id: "AP-12", rule: "A confirmed appointment starts a posting (a process manager turns the decision into the posting's first command; re-running it never starts a second posting).", source: "000, 001: an appointment leads to the posting it fills; a process manager" },
  { id: "PO-1", rule: "A posting has one officer, one command unit, one role and a start date; a command unit has at most one substantive commander at a time. An acting commander may cover a vacancy and is marked acting.", source: "001, 003" },
  { id: "PO-2", rule: "Minimum posting period: three years from the start date (the third anniversary; a start on 29 February reaches it on 1 March). Applies to postings that start on or after the policy's effective date (2009-07-01).", source: "000 objective 3; 001 para 2 and \"fulfil the role for a period of 3 years, except in exceptional personal and/or professional circumstances\"" },
  { id: "PO-3", rule: "Ending a posting before its minimum term requires an exceptional reason (personal, professional, or organisational restructure) and who approved it. Promotion alone is not an exceptional reason (000: the concern is officers \"promoted and moving on\" after months). The library offers two modes, both audited: `enforce` rejects an early end without an exception; `record` accepts it and records a breach event, because history happened and must be recordable.", source: "000 objective 3 (\"unless of course there are exceptional reasons\"); 001 Appendix 1 (\"except in exceptional personal and/or professional circumstances\"); 000 project summary (\"promoted and moving on\")" },
  { id: "PO-4", rule: "Local authorities and partners are involved in assessing the commander's performance: each performance assessment (PDR preparation by the area commander) records which partners contributed; an assessment with no partner is flagged.", source: "000 objective 4; 001" },
  { id: "PO-5", rule: "A posting that has ended accepts no further commands (terminal state).", source: "what users expect" },
  { id: "PO-6", rule: "When a borough joins a BCU (RS-5), the borough commander's posting ends with reason \"organisational restructure\", which is exceptional and not a breach (process manager).", source: "003 (borough commands merged into BCUs); a process manager" },
  { id: "RS-1", rule: "A restructure proposes BCUs, each merging two or more distinct boroughs; a borough belongs to at most one BCU at a time.", source: "003; 004" },
  { id: "RS-2", rule: "Local authority leaders and chief executives, and MOPAC, are consulted before a BCU goes live.", source: "003 \"speaking to partners, including local councils and MOPAC\"; 004 letter" },
  { id: "RS-3", rule: "The model is tested in pathfinder BCUs first; a roll-out beyond the pathfinders may be approved only after an evaluation of the pathfinders is recorded.", source: "003 \"Any further roll out ... will be informed by the results from these test sites.\"" },
  { id: "RS-4", rule: "Each BCU is led by a BCU commander of chief superintendent rank (interim allowed in the pathfinder).", source: "003" },
  { id: "RS-5", rule: "A BCU goes live only when: its commander is appointed; a superintendent leads each of the four core functions across its boroughs (neighbourhoods, response, investigation, protecting vulnerable people); and each of its boroughs has a dedicated superintendent. The pathfinder model has four superintendents; one superintendent may both lead a function and be a borough's dedicated superintendent.", source: "003" },
  { id: "RS-6", rule: "People, buildings, technology and vehicles are shared across the BCU's boroughs once it is live.", source: "003" },
  { id: "RS-7", rule: "Every ward keeps at least two dedicated ward officers (DWOs) — the commitment from one to two per ward; pathfinder sites may have more. A change that would leave a ward below the minimum is rejected.", source: "003; reference: 629 wards in 2017, so at least 1,258 DWOs London-wide" },
  { id: "RS-8", rule: "At least one police station in each borough stays open to the public 24 hours a day, 7 days a week; sharing buildings may not close a borough's last one.", source: "004" },
  { id: "RS-9", rule: "A restructure may be abandoned or a BCU dissolved (boroughs return to borough commands), with a reason; history is never rewritten.", source: "what users expect; history is never rewritten" },
  { id: "TE-1", rule: "Tenure per command unit: every posting with officer, role, start, end, days served, whether it met the minimum term, its end reason, and vacancy/acting periods between postings.", source: "000 objective 3; 001 para 2" },
  { id: "TE-2", rule: "Continuity per command unit and London-wide: mean and median tenure, share of postings that met the minimum, early departures with and without an exceptional reason (breaches).", source: "000 success measure; 001 para 2" },
  { id: "TE-3", rule: "Officer career: each officer's postings in order.", source: "000 project summary (officers \"promoted and moving on\")" },
  { id: "AC-1", rule: "Accountability for a borough on any date (\"as at\"): its command unit (borough or BCU), the commander and acting status, the dedicated superintendent, the line manager, the oversight body in force on that date, and the partners involved in the commander's appointment and assessments.", source: "000 objectives 2 and 4; 001 Appendix 1; 003" },
  { id: "AC-2", rule: "Appointment compliance: for each appointment, which of AP-2..AP-10 were followed, in order, with the events that prove it; London-wide share of appointments with local-authority involvement (000: 63% of Londoners felt the MPS should be most accountable to their borough).", source: "000 objective 2 and success measure (MORI 28% / 63%); 001 Appendix 1" },
  { id: "AU-1", rule: "Audit trail: every decision of an appointment process, in order, with who, when and why, reconstructed from events alone; any view figure can name the events that produced it.", source: "000 (\"MPA members ... will regularly hold the MPS to account\")" },
];

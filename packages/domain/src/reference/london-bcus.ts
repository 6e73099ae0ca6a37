/**
 * The 12 Basic Command Units of the 2017-2019 restructure, with their boroughs and go-live dates.
 * Each date has a precision; where sources disagree the note says so, and where no date was found
 * the value is null rather than invented. Written by `npx tsx scripts/write-reference-modules.ts` from
 * packages/domain/reference-data/bcus.json (do not edit by hand; a test fails when the two differ).
 */
/** How precise a go-live date is. */
export type DatePrecision = 'day' | 'month' | 'year' | 'approx' | 'unknown';

/** A go-live date as the sources give it. */
export interface SourcedDate {
  /** `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, a phrase for approximate dates, or null when unknown. */
  readonly value: string | null;
  readonly precision: DatePrecision;
  readonly note: string | undefined;
  /** Keys into `bcuSources`. */
  readonly sources: readonly string[];
}

/** One BCU of 2017-2019. */
export interface LondonBcu {
  /** The Met's code where one is confirmed (CN, EA), else null (`code_confirmed` in the sources). */
  readonly code: string | null;
  readonly name: string;
  readonly boroughs: readonly string[];
  readonly pathfinder: boolean;
  /** When the BCU went live (`go_live` in the sources). */
  readonly goLive: SourcedDate;
  /** A change reported after the roll-out (`later_change` in the sources). */
  readonly laterChange: { readonly note: string; readonly sources: readonly string[] } | undefined;
  /** Keys into `bcuSources` of the sources for the name (`name_sources` in the sources). */
  readonly nameSources: readonly string[];
  /** Keys into `bcuSources` of the sources for the boroughs (`composition_sources` in the sources). */
  readonly compositionSources: readonly string[];
  readonly source: string;
}
/** The sources the BCU records cite, by key. */
export const bcuSources: Readonly<Record<string, string>> = {
  "LGL": "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units",
  "MW18": "MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/",
  "ASHBY": "Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  "MET_SLP": "Met Police, 'Strengthening Local Policing Programme' page https://maps.met.police.uk/police-forces/metropolitan-police/areas/about-us/about-the-met/strengthening-local-policing-programme/ ('Central North' (CN) = Camden+Islington; 'East Area' (EA) = Barking & Dagenham, Havering, Redbridge; preparation Oct 2016, phased implementation began Jan 2017, fully in place by April 2017)",
  "MET_NOV16": "Met Police news, 'Modernising the Metropolitan Police Service' (18 Nov 2016) http://www.mynewsdesk.com/uk/metpoliceuk/news/modernising-the-metropolitan-police-service-199312",
  "PCD323": "MOPAC decision PCD 323 'Strengthening Local Policing (SLP)' https://www.london.gov.uk/programmes-strategies/mayors-office-policing-and-crime/governance-and-decision-making/mopac-decisions-0/strengthening-local-policing-slp",
  "MW_OCT17": "MayorWatch, 'Met's merged borough commands - new figures show significant improvement in performance' (20 Oct 2017) https://www.mayorwatch.co.uk/mets-merged-borough-commands-new-figures-show-significant-improvement-in-performance/ (names 'BCU East Area' and 'BCU Central North')",
  "ENF_MIN": "Enfield Council minutes, 'North Area Basic Command Unit update' https://governance.enfield.gov.uk/mgAi.aspx?ID=46238 ('Enfield and Haringey Police merged on the 9th January 2019 to form the North Area Basic Command Unit'; DCS Helen Millichap leaving 12 April 2019, DCS Trina Fleming to take post)",
  "TCP": "Tottenham Community Press, 'Merging Haringey and Enfield Police' (Supt Nusrit Mehtab) https://tottenhamcommunitypress.co.uk/news/merging-haringey-and-enfield-police-what-tottenham-residents-can-expect/ ('one unit from the 9th January 2019')",
  "HAR_MIN": "Haringey Council minutes https://www.minutes.haringey.gov.uk/mgAi.aspx?ID=63256 (Treena Fleming 'in post since April')",
  "WEST1": "Strand on the Green Association, 'Local Policing Changes' http://strandonthegreen.org.uk/news/association-news/341-local-policing-changes (merger of Ealing, Hounslow, Hillingdon 'took place on Wednesday 6 June' [2018]; 'West Area Basic Command Unit')",
  "WEST2": "Ruislip & Eastcote & Northwood Gazette, 'Police merger now complete' (13 Jun 2018) http://www.pressreader.com/uk/ruislip-eastcote-northwood-gazette/20180613/281547996597021 (BCU Commander Ch Supt Paul Martin)",
  "HILL_MIN": "Hillingdon Council minutes https://modgov.hillingdon.gov.uk/mgAi.aspx?ID=32617 ('on 6 June 2018, Hillingdon joined ... Ealing and Hounslow to form the West Area BCU')",
  "SW1": "Your Local Guardian / Richmond & Twickenham Times, response times since BCU merger (2018) https://www.yourlocalguardian.co.uk/news/17225978 ('In June this year, Wandsworth, Kingston, Richmond and Merton units were combined'; 'Sally Benatar, South West BCU Commander')",
  "SW0": "Richmond and Twickenham Times (Jan 2018) http://www.richmondandtwickenhamtimes.co.uk/news/15852530 (planned go-live 23 May [2018], HQ at Kingston, if approved)",
  "SE1": "News Shopper, 'South East Basic Command Unit stabilising after merger' (2019) https://www.newsshopper.co.uk/news/17668697 ('merger ... took place from February to November last year'; 'going live in November')",
  "SE2": "News Shopper, 'Bexley, Greenwich and Lewisham police merger has brought challenges' (2019) https://www.newsshopper.co.uk/news/17542022 (BCUs 'rolled out ... in November')",
  "SA1": "London Borough of Bromley press release, 'Dedicated Police response team for Bromley welcomed' (9 Aug 2018) https://www.bromley.gov.uk/press/article/1416 (Ch Supt Jeff Boothe, 'South Area BCU Commander'; 'BCU structure goes live early next year')",
  "CE1": "East London Advertiser, 'Tower Hamlets police chief takes over Hackney...' (Feb 2018) https://www.eastlondonadvertiser.co.uk/news/local-council/tower-hamlets-police-chief-to-take-over-hackney-in-met-3585252 (Ch Supt Sue Williams assumes control from March 19 [2018]; 'full merger only takes effect in September'; 'took over Tower Hamlets in 2015')",
  "CE2": "Hackney Gazette, 'Met's new Central East commander...' https://www.hackneygazette.co.uk/news/local-council/met-s-new-central-east-commander-wants-more-police-paid-3596374 (Sue Williams 'takes up the post officially in October')",
  "HG_FEB18": "Hackney Gazette, 'Hackney police to merge with Tower Hamlets...' (Feb 2018) https://www.hackneygazette.co.uk/news/crime/hackney-police-to-merge-with-tower-hamlets-in-325m-money-3585224 (planned: Hackney/TH, Enfield/Haringey, H&F/K&C/Westminster, Sutton/Bromley/Croydon in November = 'fourth tranche of a staggered roll-out taking 12 months')",
  "CW1": "Westminster City Council committee minutes, 'Partner Briefing BCU - Final Nov 2018' https://committees.westminster.gov.uk/mgAi.aspx?ID=10919 (Borough Commander Ch Supt Jones; 'MPS move in February 2019 ... to 12 BCUs'; 'from February 2019 there would be around 243 fewer officer posts')",
  "WEX": "West End Extra, 'How the Metropolitan Police Service has effected change' (17 Jul 2020) http://westendextra.com/article/how-the-metropolitan-police-service-has-effected-change ('Central West Command Unit'; two DWOs + one PCSO per ward)",
  "NW1": "Kilburn Times (Sara Leach, 'BCU Commander of the North West, covering Brent, Barnet and Harrow') https://www.kilburntimes.co.uk/news/crime/met-police-brent-and-project-horizon-7857652 ; and Kilburn Times opinion 23 Jun 2021 https://www.kilburntimes.co.uk/news/borough-commander-on-driving-down-violence-8075278",
  "NW2": "Wembley Matters, 'What will the tri-borough police merger mean for residents?' (23 Oct 2018) https://wembleymatters.blogspot.com/2018/10/what-will-tri-borough-police-merger.html (Q&A by Borough Commander Simon Rose, 9 Oct 2018, on Barnet/Brent/Harrow amalgamation)",
  "NE1": "East London & West Essex Guardian, 'Top brass announces major police force merger' https://www.eppingforestguardian.co.uk/news/15441024 (Waltham Forest Borough Commander DCS Richard Tucker: Waltham Forest joining Newham; 'I've been asked to run that')",
  "EA1": "Romford Recorder, 'Havering police makes changes...' https://www.romfordrecorder.co.uk/news/crime/havering-police-makes-changes-to-correct-unacceptable-response-times-3140004 (Ch Supt Jason Gwillim, head of the East Area Command Unit; one radio channel per borough restored 4 Sept [2017])",
  "EA2": "Parikiaki (14 Feb 2022) https://www.parikiaki.com/2022/02/metropolitan-police-town-centre-team-launches/ (Stephen Clayman, BCU Commander for Redbridge, Havering and Barking and Dagenham; 'East Area Command')",
  "EA3": "The Havering Daily (1 Aug 2023) https://thehaveringdaily.co.uk/2023/08/01/videoeast-area-police-host-first-new-met-for-london-event-in-redbridge (Borough Commander Ch Supt Stuart Bell, East Area)",
  "CN1": "Camden Connected, Feb 2017 http://camdenconnected.com/2017/02/ (DCS Catherine Roper presentation on the Camden/Islington merger, 26 Jan 2017)",
  "CN2": "Ham & High, 'Hornsey and Wood Green MP Catherine West attacks...' (Feb 2018) https://www.hamhigh.co.uk/news/crime/hornsey-and-wood-green-mp-catherine-west-attacks-haringey-and-3585262 ('Since that merger Catherine Roper, the boroughs' top cop, has stood down')",
  "CN3": "Camden Connected, 'Central North BCU - Police Update' https://camdenconnected.co.uk/general/central-north-bcu-police-update (Ch Supt Kohli leading CN; undated)",
  "CHISWICK25": "ChiswickW4.com, 'West Area Police Holding Engagement Meeting' (15 Oct 2025) https://new.chiswickw4.com/page/shared/common/eahounscrime2510.htm ('The West Area BCU covers both Ealing and Hounslow boroughs')"
};

/** Notes that come with the BCU data. */
export const londonBcuNotes: readonly string[] = [
  "Composition (which boroughs) is confirmed by two independent Feb-2018 news reports of the Met announcement (LGL, MW18) plus the Met's own SLP page for the pathfinders.",
  "BCU names: CN, EA confirmed by Met page; others confirmed by local council minutes/news (see `nameSources`) and Matt Ashby's 2023 map post.",
  "Met statement (MQT 2019/6437, 21 Mar 2019): transition began early 2017 with pathfinders, completed early 2019 when last BCU went live; BCU commanders typically appointed several months before formal launch.",
  "Counts: 5 BCUs of two boroughs, 6 of three, 1 of four (consistent with composition; a book quoted at scrutable.science p107 says the same)."
];

/** The 12 BCUs: the two 2017 pathfinders first, then the 2018-19 roll-out in go-live order as far as known. */
export const londonBcus: readonly LondonBcu[] = [
  {
    code: "CN",
    name: "Central North",
    boroughs: ["Camden", "Islington"],
    pathfinder: true,
    goLive: {
      value: "2017-01",
      precision: "month",
      note: "Pathfinder: phased implementation began January 2017, fully in place by April 2017",
      sources: ["MET_SLP", "MET_NOV16"],
    },
    laterChange: undefined,
    nameSources: ["MET_SLP", "MW_OCT17", "ASHBY"],
    compositionSources: ["LGL", "MW18", "MET_SLP"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Met Police, 'Strengthening Local Policing Programme' page https://maps.met.police.uk/police-forces/metropolitan-police/areas/about-us/about-the-met/strengthening-local-policing-programme/ ('Central North' (CN) = Camden+Islington; 'East Area' (EA) = Barking & Dagenham, Havering, Redbridge; preparation Oct 2016, phased implementation began Jan 2017, fully in place by April 2017); MayorWatch, 'Met's merged borough commands - new figures show significant improvement in performance' (20 Oct 2017) https://www.mayorwatch.co.uk/mets-merged-borough-commands-new-figures-show-significant-improvement-in-performance/ (names 'BCU East Area' and 'BCU Central North'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: "EA",
    name: "East Area",
    boroughs: ["Barking and Dagenham", "Havering", "Redbridge"],
    pathfinder: true,
    goLive: {
      value: "2017-01",
      precision: "month",
      note: "Pathfinder (see CN). Local press reports complaints data 'From November 2016, the month before the merger, to December, the first month of the trial' - i.e. some functions may have started Dec 2016; treat Jan 2017 as official start",
      sources: ["MET_SLP", "MET_NOV16"],
    },
    laterChange: undefined,
    nameSources: ["MET_SLP", "MW_OCT17", "ASHBY", "EA2"],
    compositionSources: ["LGL", "MW18", "MET_SLP"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Met Police, 'Strengthening Local Policing Programme' page https://maps.met.police.uk/police-forces/metropolitan-police/areas/about-us/about-the-met/strengthening-local-policing-programme/ ('Central North' (CN) = Camden+Islington; 'East Area' (EA) = Barking & Dagenham, Havering, Redbridge; preparation Oct 2016, phased implementation began Jan 2017, fully in place by April 2017); MayorWatch, 'Met's merged borough commands - new figures show significant improvement in performance' (20 Oct 2017) https://www.mayorwatch.co.uk/mets-merged-borough-commands-new-figures-show-significant-improvement-in-performance/ (names 'BCU East Area' and 'BCU Central North'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt); Parikiaki (14 Feb 2022) https://www.parikiaki.com/2022/02/metropolitan-police-town-centre-team-launches/ (Stephen Clayman, BCU Commander for Redbridge, Havering and Barking and Dagenham; 'East Area Command')",
  },
  {
    code: null,
    name: "West Area",
    boroughs: ["Ealing", "Hillingdon", "Hounslow"],
    pathfinder: false,
    goLive: {
      value: "2018-06-06",
      precision: "day",
      note: undefined,
      sources: ["WEST1", "HILL_MIN", "WEST2"],
    },
    laterChange: { note: "A Oct-2025 local news item says West Area 'covers both Ealing and Hounslow' - suggests Hillingdon left West Area by 2025. UNVERIFIED single source; date/new BCU not found.", sources: ["CHISWICK25"] },
    nameSources: ["WEST1", "WEST2", "ASHBY"],
    compositionSources: ["LGL", "MW18", "HILL_MIN"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Hillingdon Council minutes https://modgov.hillingdon.gov.uk/mgAi.aspx?ID=32617 ('on 6 June 2018, Hillingdon joined ... Ealing and Hounslow to form the West Area BCU'); Strand on the Green Association, 'Local Policing Changes' http://strandonthegreen.org.uk/news/association-news/341-local-policing-changes (merger of Ealing, Hounslow, Hillingdon 'took place on Wednesday 6 June' [2018]; 'West Area Basic Command Unit'); Ruislip & Eastcote & Northwood Gazette, 'Police merger now complete' (13 Jun 2018) http://www.pressreader.com/uk/ruislip-eastcote-northwood-gazette/20180613/281547996597021 (BCU Commander Ch Supt Paul Martin); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "South West",
    boroughs: ["Kingston upon Thames", "Merton", "Richmond upon Thames", "Wandsworth"],
    pathfinder: false,
    goLive: {
      value: "2018-06",
      precision: "month",
      note: "Planned 23 May 2018 (pre-approval report); later report says units were combined 'In June this year' (2018)",
      sources: ["SW1", "SW0"],
    },
    laterChange: undefined,
    nameSources: ["SW1", "ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Your Local Guardian / Richmond & Twickenham Times, response times since BCU merger (2018) https://www.yourlocalguardian.co.uk/news/17225978 ('In June this year, Wandsworth, Kingston, Richmond and Merton units were combined'; 'Sally Benatar, South West BCU Commander'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "South East",
    boroughs: ["Bexley", "Greenwich", "Lewisham"],
    pathfinder: false,
    goLive: {
      value: "2018-11",
      precision: "month",
      note: "merger took place Feb-Nov 2018, 'going live in November'",
      sources: ["SE1", "SE2"],
    },
    laterChange: undefined,
    nameSources: ["SE1", "ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; News Shopper, 'South East Basic Command Unit stabilising after merger' (2019) https://www.newsshopper.co.uk/news/17668697 ('merger ... took place from February to November last year'; 'going live in November'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "Central East",
    boroughs: ["Hackney", "Tower Hamlets"],
    pathfinder: false,
    goLive: {
      value: "2018",
      precision: "year",
      note: "Commander took overall management 19 Mar 2018; 'full merger only takes effect in September' (ELA) / commander 'takes up the post officially in October' (Hackney Gazette) / planned 'November' (Hackney Gazette Feb 2018). Sources disagree - exact go-live NOT confirmed",
      sources: ["CE1", "CE2", "HG_FEB18"],
    },
    laterChange: undefined,
    nameSources: ["CE1", "CE2", "ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; East London Advertiser, 'Tower Hamlets police chief takes over Hackney...' (Feb 2018) https://www.eastlondonadvertiser.co.uk/news/local-council/tower-hamlets-police-chief-to-take-over-hackney-in-met-3585252 (Ch Supt Sue Williams assumes control from March 19 [2018]; 'full merger only takes effect in September'; 'took over Tower Hamlets in 2015'); Hackney Gazette, 'Met's new Central East commander...' https://www.hackneygazette.co.uk/news/local-council/met-s-new-central-east-commander-wants-more-police-paid-3596374 (Sue Williams 'takes up the post officially in October'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "North Area",
    boroughs: ["Enfield", "Haringey"],
    pathfinder: false,
    goLive: {
      value: "2019-01-09",
      precision: "day",
      note: undefined,
      sources: ["ENF_MIN", "TCP"],
    },
    laterChange: undefined,
    nameSources: ["ENF_MIN", "ASHBY"],
    compositionSources: ["LGL", "MW18", "ENF_MIN"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Enfield Council minutes, 'North Area Basic Command Unit update' https://governance.enfield.gov.uk/mgAi.aspx?ID=46238 ('Enfield and Haringey Police merged on the 9th January 2019 to form the North Area Basic Command Unit'; DCS Helen Millichap leaving 12 April 2019, DCS Trina Fleming to take post); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "Central West",
    boroughs: ["Hammersmith and Fulham", "Kensington and Chelsea", "Westminster"],
    pathfinder: false,
    goLive: {
      value: "2019-02",
      precision: "month",
      note: "Westminster committee told of the 'MPS move in February 2019'; read as Central West go-live - moderately confident",
      sources: ["CW1"],
    },
    laterChange: undefined,
    nameSources: ["WEX", "ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; West End Extra, 'How the Metropolitan Police Service has effected change' (17 Jul 2020) http://westendextra.com/article/how-the-metropolitan-police-service-has-effected-change ('Central West Command Unit'; two DWOs + one PCSO per ward); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "South Area",
    boroughs: ["Bromley", "Croydon", "Sutton"],
    pathfinder: false,
    goLive: {
      value: "2019 (early)",
      precision: "approx",
      note: "'BCU structure goes live early next year' (said Aug 2018)",
      sources: ["SA1"],
    },
    laterChange: undefined,
    nameSources: ["SA1", "ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; London Borough of Bromley press release, 'Dedicated Police response team for Bromley welcomed' (9 Aug 2018) https://www.bromley.gov.uk/press/article/1416 (Ch Supt Jeff Boothe, 'South Area BCU Commander'; 'BCU structure goes live early next year'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "North West",
    boroughs: ["Barnet", "Brent", "Harrow"],
    pathfinder: false,
    goLive: {
      value: null,
      precision: "unknown",
      note: "Merger under way Oct 2018 (Q&A 9 Oct 2018); exact go-live not found",
      sources: ["NW2"],
    },
    laterChange: undefined,
    nameSources: ["NW1", "ASHBY"],
    compositionSources: ["LGL", "MW18", "NW1"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Kilburn Times (Sara Leach, 'BCU Commander of the North West, covering Brent, Barnet and Harrow') https://www.kilburntimes.co.uk/news/crime/met-police-brent-and-project-horizon-7857652 ; and Kilburn Times opinion 23 Jun 2021 https://www.kilburntimes.co.uk/news/borough-commander-on-driving-down-violence-8075278; Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "North East",
    boroughs: ["Newham", "Waltham Forest"],
    pathfinder: false,
    goLive: {
      value: null,
      precision: "unknown",
      note: "not found",
      sources: [],
    },
    laterChange: undefined,
    nameSources: ["ASHBY"],
    compositionSources: ["LGL", "MW18", "NE1"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; East London & West Essex Guardian, 'Top brass announces major police force merger' https://www.eppingforestguardian.co.uk/news/15441024 (Waltham Forest Borough Commander DCS Richard Tucker: Waltham Forest joining Newham; 'I've been asked to run that'); Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
  {
    code: null,
    name: "Central South",
    boroughs: ["Lambeth", "Southwark"],
    pathfinder: false,
    goLive: {
      value: null,
      precision: "unknown",
      note: "not found; all 12 live by 'early 2019' per Mayor (MQT 2019/6437)",
      sources: [],
    },
    laterChange: undefined,
    nameSources: ["ASHBY"],
    compositionSources: ["LGL", "MW18"],
    source: "Local Government Lawyer, 'Met Police to scrap borough model in favour of 12 basic command units' (Feb 2018) https://www.localgovernmentlawyer.co.uk/community-safety/393-community-safety-news/37215-met-police-to-scrap-borough-model-in-favour-of-12-basic-command-units; MayorWatch, 'Met confirms controversial merger of borough commands is to go ahead' (12 Feb 2018) https://www.mayorwatch.co.uk/met-confirms-controversial-merger-of-borough-commands-is-to-go-ahead/; Matt Ashby, 'Locator maps for Met Police BCUs' (2023-03-17), GitHub mpjashby/lesscrime.info-quarto post/locator-maps-for-met-police-bcus/index.Rmd @ e65c6456 (BCU names); borough->BCU mapping in the linked gist (partially visible in code-search excerpt)",
  },
];

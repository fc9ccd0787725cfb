/** News agencies by the names a byline, dateline or credit line uses, to one canonical name each. */
const AGENCIES: [RegExp, string][] = [
  [/^(?:the )?associated press$|^ap$/i, "AP"],
  [/^afp$|^agence france[- ]presse$/i, "AFP"],
  [/^efe$|^agencia efe$/i, "EFE"],
  [/^reuters$|^thomson reuters$/i, "Reuters"],
  [/^xinhua(?: news agency)?$/i, "Xinhua"],
  [/^dpa$|^deutsche presse-agentur$/i, "DPA"],
  [/^ansa$/i, "ANSA"],
  [/^pa$|^pa media$|^press association$/i, "PA"],
  [/^agencies$|^agency$|^wires?$|^wire services$/i, "Agencies"],
  [/^upi$|^united press international$/i, "UPI"],
  [/^kyodo(?: news)?$/i, "Kyodo"],
  [/^tass$/i, "TASS"],
  [/^bloomberg$/i, "Bloomberg"],
  [/^anadolu(?: agency)?$/i, "Anadolu"],
  [/^pti$/i, "PTI"],
  [/^ians$/i, "IANS"],
  [/^aap$/i, "AAP"],
];

/** The canonical agency name for a byline part, or null when it is not an agency. */
export function agencyName(part: string): string | null {
  const t = part.trim().replace(/[.;:]$/, "");
  if (t.length > 40) return null;
  for (const [re, name] of AGENCIES) if (re.test(t)) return name;
  return null;
}

const OUTLET_WORD = /\b(?:News|Times|Post|Daily|Herald|Tribune|Journal|Gazette|Telegraph|Media|TV|Television|Radio|Network|Press|Chronicle|Express|Mail|Observer|Standard|Sun|Star|Today)\b/;

/** Whether a byline part names an outlet ("A News") rather than a person. */
export function outletLike(part: string): boolean {
  return OUTLET_WORD.test(part) && part.split(/\s+/).length <= 5;
}

/** Splits a byline into its parts: "Karl Sexton with AFP, EFE" → Karl Sexton, AFP, EFE. */
export function bylineParts(byline: string): string[] {
  const t = byline.replace(/^(?:[-•*·]\s+)/u, "").replace(/^(?:by|von|por|par)\s+/i, "").trim();
  return t
    .split(/\s*(?:,|;|\band\b|&|\bwith\b|\bund\b|\bet\b|\by\b)\s*/i)
    .map((s) => s.trim().replace(/^(?:by)\s+/i, ""))
    .filter((s) => s.length > 0);
}

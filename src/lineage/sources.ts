/** Known news agencies and outlets, with the ways articles name them. */

/** A named source and the phrases that name it (matched case-sensitively on word boundaries). */
export interface SourceName {
  name: string;
  kind: "agency" | "outlet";
  aliases: string[];
}

/** Agencies: credited as authors of wire copy. */
export const AGENCIES: SourceName[] = [
  { name: "AP", kind: "agency", aliases: ["The Associated Press", "Associated Press", "AP"] },
  { name: "AFP", kind: "agency", aliases: ["Agence France-Presse", "Agence France Presse", "AFP"] },
  { name: "Reuters", kind: "agency", aliases: ["Reuters"] },
  { name: "EFE", kind: "agency", aliases: ["EFE"] },
  { name: "dpa", kind: "agency", aliases: ["Deutsche Presse-Agentur", "dpa", "DPA"] },
  { name: "ANSA", kind: "agency", aliases: ["ANSA"] },
  { name: "Xinhua", kind: "agency", aliases: ["Xinhua"] },
  { name: "UPI", kind: "agency", aliases: ["United Press International", "UPI"] },
  { name: "Anadolu", kind: "agency", aliases: ["Anadolu Agency", "Anadolu"] },
  { name: "PA", kind: "agency", aliases: ["PA Media", "Press Association"] },
  { name: "CP", kind: "agency", aliases: ["The Canadian Press", "Canadian Press"] },
  { name: "Agencies", kind: "agency", aliases: ["Agencies"] },
];

/** Outlets: cited as the source of a report. */
export const OUTLETS: SourceName[] = [
  { name: "Wall Street Journal", kind: "outlet", aliases: ["The Wall Street Journal", "Wall Street Journal", "WSJ"] },
  { name: "Los Angeles Times", kind: "outlet", aliases: ["the Los Angeles Times", "The Los Angeles Times", "Los Angeles Times", "L.A. Times", "LA Times"] },
  { name: "New York Times", kind: "outlet", aliases: ["The New York Times", "New York Times", "NYT"] },
  { name: "Washington Post", kind: "outlet", aliases: ["The Washington Post", "Washington Post"] },
  { name: "Fox News", kind: "outlet", aliases: ["Fox News"] },
  { name: "CNN", kind: "outlet", aliases: ["CNN"] },
  { name: "BBC", kind: "outlet", aliases: ["BBC"] },
  { name: "NBC News", kind: "outlet", aliases: ["NBC News", "NBC"] },
  { name: "CBS News", kind: "outlet", aliases: ["CBS News", "CBS"] },
  { name: "ABC News", kind: "outlet", aliases: ["ABC News"] },
  { name: "Bloomberg", kind: "outlet", aliases: ["Bloomberg"] },
  { name: "Financial Times", kind: "outlet", aliases: ["Financial Times"] },
  { name: "The Guardian", kind: "outlet", aliases: ["The Guardian"] },
  { name: "Politico", kind: "outlet", aliases: ["Politico"] },
  { name: "Axios", kind: "outlet", aliases: ["Axios"] },
  { name: "People", kind: "outlet", aliases: ["People magazine"] },
];

/** Canonical name of an agency string from metadata ("Associated Press" → "AP"), or the string itself. */
export function canonicalAgency(s: string): string {
  const t = s.trim();
  for (const a of AGENCIES) if (a.name.toLowerCase() === t.toLowerCase() || a.aliases.some((x) => x.toLowerCase() === t.toLowerCase())) return a.name;
  return t;
}

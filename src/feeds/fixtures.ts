/**
 * Article texts for the feed tests: distinct news stories, as feed item
 * content (HTML paragraphs) or as whole pages.
 */

const STORIES = [
  ["Quake shakes Osaka port", "OSAKA — A magnitude 6.1 earthquake shook the port of Osaka on Monday morning, halting bullet trains and cutting power to 40,000 homes, officials said.", "The Japan Meteorological Agency said there was no tsunami risk. Rail operator JR West said services would resume by the evening after track inspections."],
  ["Nairobi raises benchmark rate", "NAIROBI — Kenya's central bank raised its benchmark lending rate by half a point to 13 percent on Tuesday, citing persistent inflation and a weaker shilling.", "Governor Kamau Thugge told reporters the committee would meet again in two months. Analysts had expected the rate to stay unchanged."],
  ["Wildfire forces evacuations in Valencia", "VALENCIA — More than 2,000 residents were evacuated on Wednesday as a wildfire spread through pine forest in the hills west of Valencia, regional authorities said.", "Firefighters backed by eleven aircraft worked through the night. Strong winds were expected to ease by Thursday, the regional emergency service said."],
  ["Chile copper strike enters second week", "SANTIAGO — Workers at the Escondida copper mine in northern Chile extended their strike into a second week on Thursday after talks with the operator broke down.", "The union said it would not return to the table without a higher bonus offer. Copper prices rose two percent in London on supply concerns."],
  ["Iceland volcano erupts near Grindavik", "REYKJAVIK — A volcano erupted on the Reykjanes peninsula on Friday night, sending lava towards the evacuated fishing town of Grindavik, Iceland's Met Office said.", "Authorities said the nearby Blue Lagoon spa had been closed as a precaution. Flights at Keflavik airport were not affected."],
  ["Dutch parliament passes housing bill", "THE HAGUE — The Dutch lower house on Saturday passed a bill capping rents for mid-range homes, a central pledge of the governing coalition, by 86 votes to 64.", "Landlord groups said the law would shrink the rental market. The bill now goes to the Senate, where a vote is expected next month."],
] as const;

/** Number of distinct stories available. */
export const STORY_COUNT = STORIES.length;

/** Story `n`'s title. */
export function storyTitle(n: number): string {
  return STORIES[n]![0];
}

/** Story `n` as feed item content (HTML paragraphs). */
export function storyContent(n: number): string {
  return STORIES[n]!.slice(1).map((p) => `<p>${p}</p>`).join("");
}

/** Story `n` as a whole article page, with a `<link rel=canonical>` when given. */
export function storyPage(n: number, canonical?: string): string {
  const head = `<meta charset="utf-8"><title>${storyTitle(n)}</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ""}`;
  return `<!DOCTYPE html><html><head>${head}</head><body><nav><a href="/">Home</a></nav><article><h1>${storyTitle(n)}</h1>${storyContent(n)}</article><footer>© Wire</footer></body></html>`;
}

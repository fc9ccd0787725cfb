/**
 * Common function words of several languages, for the stop-word density that a
 * jusText-style classifier uses to tell prose from menus. Own short lists
 * (no package with multilingual stop words is installed).
 */
const LISTS = [
  // en
  "a about after all also an and any are as at be because been but by can could did do does for from had has have he her his how i if in into is it its just more most no not of on one or our out over said says she so some than that the their them then there these they this those to up was we were what when which who will with would you your",
  // es
  "al como con de del el en es esta este fue ha la las lo los más no para pero por que se sin sobre su sus un una y ya",
  // fr
  "au aux avec ce ces dans de des du elle en est et il ils la le les leur mais ne nous on ou par pas plus pour qu que qui sa se son sont sur un une",
  // de
  "als am an auch auf aus bei das dem den der des die dies ein eine einem einen einer es für hat ich im ist mit nach nicht noch oder sich sie sind um und von vor war wie wird zu zum zur",
  // it
  "che con da dei del della di è gli il in la le nel non per più si sono su un una",
  // pt
  "ao com como da das de do dos e em é foi mais na no nos não o os para pela pelo por que se sua seu um uma",
  // nl
  "aan als bij dat de die door een en er het hij in is met niet om op te van voor was zijn",
  // ru
  "а в во для же за и из к как на не но о от по с со что это так то он она они его ее был была были уже",
  // id/ms
  "adalah akan dan dari dengan di ini itu ke kita tidak untuk yang pada juga dalam atau",
  // pl
  "i w z na do nie się to że jest o jak po od za co ale",
];

/** The union of the lists, lower case. */
export const STOPWORDS: ReadonlySet<string> = new Set(LISTS.join(" ").split(/\s+/));

/** Share of a block's words that are stop words (0 when it has none). */
export function stopwordDensity(ws: readonly string[]): number {
  if (ws.length === 0) return 0;
  let n = 0;
  for (const w of ws) if (STOPWORDS.has(w.toLowerCase())) n++;
  return n / ws.length;
}

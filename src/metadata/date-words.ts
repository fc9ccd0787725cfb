/**
 * Month names and date labels in the languages news pages are written in
 * (English, German, French, Spanish, Italian, Portuguese, Dutch, Ukrainian,
 * Russian, Polish, Swedish/Danish/Norwegian, Turkish, Arabic as written in
 * Egypt and the Gulf), and a reader for dates written
 * with them: "3. Mai 2025", "3 de mayo de 2025", "jeudi 27 juin 2019",
 * "3 травня 2025 р.", "Juli 12, 2017".
 */

// Month number -> its names (full, genitive and usual abbreviations), lower case, per language.
const NAMES: Record<string, string[][]> = {
  en: [["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
    ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"]],
  de: [["januar", "jänner", "jan"], ["februar", "feber", "feb"], ["märz", "maerz", "mrz", "mär"], ["april", "apr"], ["mai"], ["juni", "jun"],
    ["juli", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["oktober", "okt"], ["november", "nov"], ["dezember", "dez"]],
  fr: [["janvier", "janv"], ["février", "fevrier", "févr", "fevr", "fév"], ["mars"], ["avril", "avr"], ["mai"], ["juin"],
    ["juillet", "juil"], ["août", "aout"], ["septembre", "sept"], ["octobre", "oct"], ["novembre", "nov"], ["décembre", "decembre", "déc"]],
  es: [["enero", "ene"], ["febrero", "feb"], ["marzo", "mar"], ["abril", "abr"], ["mayo", "may"], ["junio", "jun"],
    ["julio", "jul"], ["agosto", "ago"], ["septiembre", "setiembre", "sep", "sept"], ["octubre", "oct"], ["noviembre", "nov"], ["diciembre", "dic"]],
  it: [["gennaio", "gen"], ["febbraio", "feb"], ["marzo", "mar"], ["aprile", "apr"], ["maggio", "mag"], ["giugno", "giu"],
    ["luglio", "lug"], ["agosto", "ago"], ["settembre", "set"], ["ottobre", "ott"], ["novembre", "nov"], ["dicembre", "dic"]],
  pt: [["janeiro", "jan"], ["fevereiro", "fev"], ["março", "marco", "mar"], ["abril", "abr"], ["maio", "mai"], ["junho", "jun"],
    ["julho", "jul"], ["agosto", "ago"], ["setembro", "set"], ["outubro", "out"], ["novembro", "nov"], ["dezembro", "dez"]],
  nl: [["januari", "jan"], ["februari", "feb"], ["maart", "mrt"], ["april", "apr"], ["mei"], ["juni", "jun"],
    ["juli", "jul"], ["augustus", "aug"], ["september", "sep"], ["oktober", "okt"], ["november", "nov"], ["december", "dec"]],
  uk: [["січня", "січень", "січ"], ["лютого", "лютий", "лют"], ["березня", "березень", "бер"], ["квітня", "квітень", "квіт"], ["травня", "травень", "трав"], ["червня", "червень", "черв"],
    ["липня", "липень", "лип"], ["серпня", "серпень", "серп"], ["вересня", "вересень", "вер"], ["жовтня", "жовтень", "жовт"], ["листопада", "листопад", "лист"], ["грудня", "грудень", "груд"]],
  ru: [["января", "январь", "янв"], ["февраля", "февраль", "фев"], ["марта", "март", "мар"], ["апреля", "апрель", "апр"], ["мая", "май"], ["июня", "июнь", "июн"],
    ["июля", "июль", "июл"], ["августа", "август", "авг"], ["сентября", "сентябрь", "сен", "сент"], ["октября", "октябрь", "окт"], ["ноября", "ноябрь", "ноя"], ["декабря", "декабрь", "дек"]],
  pl: [["stycznia", "styczeń", "sty"], ["lutego", "luty", "lut"], ["marca", "marzec"], ["kwietnia", "kwiecień", "kwi"], ["maja", "maj"], ["czerwca", "czerwiec", "cze"],
    ["lipca", "lipiec", "lip"], ["sierpnia", "sierpień", "sie"], ["września", "wrzesień", "wrz"], ["października", "październik", "paź"], ["listopada", "listopad", "lis"], ["grudnia", "grudzień", "gru"]],
  sv: [["januari", "jan"], ["februari", "feb"], ["mars"], ["april", "apr"], ["maj"], ["juni", "jun"],
    ["juli", "jul"], ["augusti", "aug"], ["september", "sep"], ["oktober", "okt"], ["november", "nov"], ["december", "dec"]],
  tr: [["ocak"], ["şubat", "subat"], ["mart"], ["nisan"], ["mayıs", "mayis"], ["haziran"],
    ["temmuz"], ["ağustos", "agustos"], ["eylül", "eylul"], ["ekim"], ["kasım", "kasim"], ["aralık", "aralik"]],
  ar: [["يناير"], ["فبراير"], ["مارس"], ["أبريل", "ابريل", "إبريل"], ["مايو"], ["يونيو"],
    ["يوليو"], ["أغسطس", "اغسطس"], ["سبتمبر"], ["أكتوبر", "اكتوبر"], ["نوفمبر"], ["ديسمبر"]],
  da: [["januar", "jan"], ["februar", "feb"], ["marts"], ["april", "apr"], ["maj"], ["juni", "jun"],
    ["juli", "jul"], ["august", "aug"], ["september", "sep"], ["oktober", "okt"], ["november", "nov"], ["december", "dec"]],
};

/** Lower-case month name or abbreviation -> month number (1-12), over all languages above. */
export const MONTH_NUMBER: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const months of Object.values(NAMES)) months.forEach((names, i) => { for (const n of names) m.set(n, i + 1); });
  return m;
})();

// Longest first, so that "juillet" is tried before "juil" and "jul".
const ALT = [...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join("|");
// A letter boundary that also holds for Cyrillic and accented letters.
const L = "\\p{L}";
const YEAR = "((?:19|20)\\d{2})";
/** Day, month name, year: "3. Mai 2025", "3 de mayo de 2025", "27 juin 2019", "3 травня 2025", "1st of May, 2025". */
const DAY_FIRST = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s{0,3}(?:de\\s|of\\s)?\\s{0,2}(${ALT})(?!${L})\\.?,?\\s{1,3}(?:de\\s{1,3})?${YEAR}(?!\\d)`, "iu");
/** Month name, day, year: "May 3, 2025", "Juli 12, 2017". */
const MONTH_FIRST = new RegExp(`(?<!${L})(${ALT})(?!${L})\\.?\\s{1,3}(\\d{1,2})(?:st|nd|rd|th)?\\.?,?\\s{1,3}${YEAR}(?!\\d)`, "iu");

/** Day, month name, year joined by hyphens, slashes or dots: "04-ago-2021", "12.Dez.2020", "3-okt-2021". */
const DAY_JOINED = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})([-/.])(${ALT})\\.?\\2?${YEAR}(?!\\d)`, "iu");

/** Year, month and day with their CJK or Korean markers: "2020年7月3日", "2020년 7월 3일". */
const YEAR_MARKED = /((?:19|20)\d{2})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]/u;

function validDay(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The earlier of two matches (the first on a tie). */
function earlier(a: RegExpExecArray | null, b: RegExpExecArray | null): RegExpExecArray | null {
  return a && (!b || a.index <= b.index) ? a : b;
}

/**
 * `metadata:month-name-date`: the first date written with a month name in
 * any language above, as `YYYY-MM-DD`, or with CJK year/month/day markers;
 * null when the text holds none. Day-first forms are tried before month-first ones.
 */
export function writtenMonthDay(text: string): string | null {
  if (text.length > 400) text = text.slice(0, 400);
  const spaced = DAY_FIRST.exec(text);
  const a = earlier(spaced, DAY_JOINED.exec(text));
  const b = MONTH_FIRST.exec(text);
  // The earlier match in the text wins; day first on a tie.
  if (a && earlier(a, b) === a) {
    // Day, month name and year in groups 1, 2 and 3; joined ones have the separator in group 2.
    const joined = a !== spaced;
    const d = validDay(+a[joined ? 4 : 3]!, MONTH_NUMBER.get(a[joined ? 3 : 2]!.toLowerCase()) ?? 0, +a[1]!);
    if (d) return d;
  }
  if (b) return validDay(+b[3]!, MONTH_NUMBER.get(b[1]!.toLowerCase()) ?? 0, +b[2]!);
  // `metadata:cjk-date`: "2020年7月3日" (Chinese, Japanese), "2020년 7월 3일" (Korean).
  const c = YEAR_MARKED.exec(text);
  if (c) return validDay(+c[1]!, +c[2]!, +c[3]!);
  return null;
}

/**
 * Labels before a publication date, in the languages above ("Published",
 * "Veröffentlicht", "Publié le", "Publicado", "Notizia del", "Опубліковано", "Erstellt am").
 */
export const PUBLISHED_WORDS = /(?<!\p{L})(?:published|posted|publish date|date published|publication date|veröffentlicht|erstellt|geschrieben|gepostet|publié|publiée|publicado|publicada|publicación|pubblicato|pubblicata|notizia del|gepubliceerd|geplaatst|opublikowano|publicerad|опубліковано|опубликовано|дата публікації|дата публикации)(?!\p{L})/iu;

/**
 * Labels before a date that is no publication date: an update or revision
 * ("Updated", "Aktualisiert", "Zuletzt geändert", "Actualizado", "Mis à jour",
 * "Оновлено", "Обновлено", "Aggiornato", "Stand").
 */
export const UPDATED_WORDS = /(?<!\p{L})(?:updated|modified|reviewed|last edited|aktualisiert|aktualisierung|geändert|zuletzt|stand\s?:|actualizado|actualizada|actualización|mis à jour|mise à jour|modifié|modifiée|aggiornato|aggiornata|aggiornamento|atualizado|atualizada|bijgewerkt|gewijzigd|zaktualizowano|uppdaterad|оновлено|оновлення|обновлено|обновление|изменено)(?!\p{L})/iu;

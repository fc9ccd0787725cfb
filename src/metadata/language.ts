import { eld } from "eld/medium";

/**
 * The ISO 639-1 language of a text (eld, medium n-gram database), or null when
 * the text is too short or the detector is not confident.
 */
export function detectLanguage(text: string): string | null {
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  if (sample.trim().length < 20) return null;
  try {
    const r = eld.detect(sample);
    return r.language && r.isReliable() ? r.language : null;
  } catch {
    return null;
  }
}

/**
 * Whether a speaker's role says something besides its name. An unnamed speaker
 * is named by its role ("White House spokesperson"), and a body can be named by
 * its role words ("New York City Office of the Chief"): the report then shows
 * the name once, not "X, X".
 */
export function roleBesides(speaker: { name: string; role?: string | null } | null | undefined): boolean {
  const role = speaker?.role?.trim();
  return !!role && role.toLowerCase() !== speaker!.name.trim().toLowerCase();
}

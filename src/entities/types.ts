import type { Message, Span } from "../model/index.js";
import type { Token } from "./tokens.js";

/** Kind of an entity (the model's EntityRef kinds). */
export type EntityKind = "person" | "organization" | "place" | "unknown";

/** One place an entity is named or referred to. */
export interface EntityMention {
  text: string;
  span: Span;
  /** `name` (full), `surname`, `alias` (acronym, short form), `title`, `description`, `pronoun`. */
  kind: "name" | "surname" | "alias" | "description" | "pronoun";
  /** The rule that linked this mention to its entity. */
  rule: string;
}

/** A person, organisation or place of one document. */
export interface Entity {
  id: string;
  /** Canonical (longest) name: "Claudia Sheinbaum". */
  name: string;
  kind: EntityKind;
  aliases: string[];
  /** Roles as written: "Mexican President", "White House National Security Council spokesman". */
  roles: string[];
  mentions: EntityMention[];
  gender: "female" | "male" | null;
}

/** What the entities stage finds in one document. */
export interface EntityAnalysis {
  entities: Entity[];
  messages: Message[];
  /** Regions analysed (the body paragraphs, or the whole text). */
  regions: Span[];
  /** Sentence spans of the regions, in order. */
  sentences: Span[];
  /** Word tokens of the regions, in order (so later stages need not tokenise again). */
  tokens?: Token[];
}

/** A mention resolved to an entity, or described (an unnamed "White House spokesperson"). */
export interface ResolvedMention {
  entity: Entity | null;
  name: string;
  role: string | null;
  kind: EntityKind;
  /** False for an unnamed speaker ("A White House spokesperson"). */
  named: boolean;
  /** Rule that resolved the mention (`entities:surname`, `entities:pronoun`, ...). */
  rule: string;
}

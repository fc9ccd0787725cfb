import type { Span } from "./span.js";

/** How serious a message is: `error` means an input produced no document. */
export type Severity = "info" | "warning" | "error";

/**
 * A diagnostic collected while processing, in the manner of vfile messages:
 * never printed by the stage that makes it, always tagged with the rule that
 * raised it and, where it concerns a place in the text, that place's span.
 */
export interface Message {
  /** Stable rule id, `stage:rule`, e.g. `clean:unsure-block` or `ingest:invalid-utf8`. */
  ruleId: string;
  severity: Severity;
  /** Human-readable reason. */
  reason: string;
  /** The input (path, URL, record id) the message is about. */
  input: string | null;
  /** Where in the document's `text`, when the message is about a place in it. */
  span: Span | null;
}

/** Collects messages for one input, so stages never print. */
export class MessageBag {
  readonly messages: Message[] = [];
  constructor(readonly input: string | null) {}

  /** Adds a message and returns it. */
  add(severity: Severity, ruleId: string, reason: string, span: Span | null = null): Message {
    const m: Message = { ruleId, severity, reason, input: this.input, span };
    this.messages.push(m);
    return m;
  }
  info(ruleId: string, reason: string, span: Span | null = null): Message {
    return this.add("info", ruleId, reason, span);
  }
  warn(ruleId: string, reason: string, span: Span | null = null): Message {
    return this.add("warning", ruleId, reason, span);
  }
  error(ruleId: string, reason: string, span: Span | null = null): Message {
    return this.add("error", ruleId, reason, span);
  }
}

/** An error about one input that stops that input only, never the batch. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly ruleId: string,
    reason: string,
  ) {
    super(`${input}: ${reason}`);
    this.name = "InputError";
  }
  /** The error as a collected message. */
  toMessage(): Message {
    return { ruleId: this.ruleId, severity: "error", reason: this.message, input: this.input, span: null };
  }
}

import { LIMITS, type Message } from "../model/index.js";

/** CPU milliseconds this process has used (user and system, all threads). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * The CPU time one document's analysis may take (`LIMITS.documentCpuMs` unless
 * given). Stages are synchronous and cannot be stopped midway; the budget is
 * checked between them, so that a document past it skips its remaining stages
 * and the batch goes on. CPU rather than wall time: a loaded machine slows the
 * wall clock, not the work, and should not change what a document gets.
 */
export class CpuBudget {
  private readonly start = cpuMs();
  /** Whether a stage was skipped for this budget (its message written). */
  stopped = false;
  constructor(readonly limitMs: number = LIMITS.documentCpuMs) {}

  /** CPU milliseconds used since the budget began. */
  usedMs(): number {
    return cpuMs() - this.start;
  }

  /** Whether the budget is spent. */
  spent(): boolean {
    return this.usedMs() > this.limitMs;
  }

  /** The message for a document whose budget ran out in stage `after`, so that the stages `skipped` do not run. */
  message(input: string, after: string, skipped: string[]): Message {
    this.stopped = true;
    return {
      ruleId: "analyze:budget",
      severity: "warning",
      reason: `${input}: analysis used ${Math.round(this.usedMs())} ms of CPU by the end of the ${after} stage, over the ${this.limitMs} ms a document may take; skipped: ${skipped.join(", ")}`,
      input,
      span: null,
    };
  }
}

/**
 * Keeps at most `LIMITS.messagesPerRule` messages of each rule, plus one closing
 * message a stage may add itself (`... further ones are not reported`); the rest
 * of a rule's messages are replaced by one that counts them. Order is kept.
 */
export function capMessages(messages: Message[], max: number = LIMITS.messagesPerRule): Message[] {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= max + 1)) return messages;
  const seen = new Map<string, number>();
  const out: Message[] = [];
  for (const m of messages) {
    const total = counts.get(m.ruleId)!;
    const n = (seen.get(m.ruleId) ?? 0) + 1;
    seen.set(m.ruleId, n);
    if (total <= max + 1 || n <= max) out.push(m);
    else if (n === max + 1) {
      const reason = `${total - max} more ${m.ruleId} messages are not listed (${total} in all; the first ${max} are)`;
      out.push({ ruleId: m.ruleId, severity: m.severity, reason: m.input ? `${m.input}: ${reason}` : reason, input: m.input, span: null });
    }
  }
  return out;
}

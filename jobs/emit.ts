// After a transition has committed: hand time-based follow-ups to the job runner.
// Issue 5 (Inngest) sends `agreement/employer.signed` from here; until it lands the
// cron-style sweep (lib/workflow/actions/auto-confirm-due.ts) is what confirms.
import type { TransitionRecord } from "@/lib/workflow/engine";

export async function afterTransitionCommitted(records: TransitionRecord[]): Promise<void> {
  void records;
}

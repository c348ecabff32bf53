// After a transition has committed: tell Inngest, so the auto-confirmation of a signing is
// scheduled (or cancelled). Never fails the person's request: if Inngest is unreachable the
// error is logged and the cron sweep (every minute), which needs no event, confirms the
// agreement on time all the same. Without Inngest configured nothing is sent at all and the
// in-process timer (jobs/in-process.ts) does the work.
import { EVENTS, inngest, inngestConfigured, type AgreementEventData, type EmployerSignedData } from "./client";

/** What the engine reports of a committed transition (lib/queue knows nothing of the workflow's types). */
export type CommittedTransition = { action: string; agreementId: string; version: number; autoConfirmAt: Date | null };

type Outgoing = { name: string; data: EmployerSignedData | AgreementEventData };

/** The job events a committed transition implies (pure: tested without a server). */
export function eventsFor(records: readonly CommittedTransition[]): Outgoing[] {
  const events: Outgoing[] = [];
  for (const r of records) {
    const base = { agreementId: r.agreementId, version: r.version };
    switch (r.action) {
      case "sign":
        if (r.autoConfirmAt) {
          events.push({ name: EVENTS.employerSigned, data: { ...base, autoConfirmAt: r.autoConfirmAt.toISOString() } });
        }
        break;
      case "takeBack":
        events.push({ name: EVENTS.employerTookBack, data: base });
        break;
      case "confirm":
        events.push({ name: EVENTS.studentConfirmed, data: base });
        break;
      case "returnByEmployer":
      case "returnByCollege":
        events.push({ name: EVENTS.returned, data: base });
        break;
      default:
        break;
    }
  }
  return events;
}

/** How long a request may wait for Inngest before we give up and rely on the sweep. */
const SEND_TIMEOUT_MS = 3_000;

export async function afterTransitionCommitted(records: readonly CommittedTransition[]): Promise<void> {
  if (!inngestConfigured()) return;
  const events = eventsFor(records);
  if (!events.length) return;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      inngest.send(events.map((e) => ({ ...e, id: `${e.name}:${e.data.agreementId}:${e.data.version}` }))),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${SEND_TIMEOUT_MS} ms`)), SEND_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    console.warn(`[jobs] 发送 Inngest 事件失败，将由定时扫描兜底: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

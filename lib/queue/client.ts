// The Inngest client of 网签 and the events its functions react to. The SDK reads its
// configuration from the environment (INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV,
// INNGEST_BASE_URL); see docs/jobs.md.
import { Inngest } from "inngest";

export const inngest = new Inngest({ id: "wangqian" });

export const EVENTS = {
  /** the unit signed: schedules the auto-confirmation of this very signing */
  employerSigned: "agreement/employer.signed",
  /** these end the wait for the student; a pending auto-confirmation is cancelled */
  employerTookBack: "agreement/employer.taken_back",
  studentConfirmed: "agreement/student.confirmed",
  returned: "agreement/returned",
  /** an upload was stored as an ImportJob: run it */
  importRequested: "import/requested",
} as const;

export type EmployerSignedData = { agreementId: string; version: number; autoConfirmAt: string };
export type AgreementEventData = { agreementId: string; version: number };

/** Events go to Inngest only when an Inngest server is configured (Cloud, self-hosted or dev server). */
export function inngestConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.INNGEST_EVENT_KEY || (env.INNGEST_DEV && env.INNGEST_DEV !== "0"));
}

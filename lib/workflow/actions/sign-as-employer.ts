import { addDays } from "date-fns";
import type { z } from "zod";
import type { WorkflowActor } from "../actor";
import { runTransition, type Tx } from "../engine";
import type { employerSignSchema } from "../schemas";

/** The 7-day rule: autoConfirmAt = employerSignedAt + settings.autoConfirmDays. */
export async function autoConfirmAtFor(tx: Tx, signedAt: Date): Promise<Date> {
  const settings = await tx.setting.findUnique({ where: { id: 1 }, select: { autoConfirmDays: true } });
  return addDays(signedAt, settings?.autoConfirmDays ?? 7);
}

/** 确定签约: the unit snapshots (and may correct) its section and adds its opinions. */
export async function signAsEmployer(
  actor: WorkflowActor,
  ref: { agreementId: string; version: number },
  input: z.output<typeof employerSignSchema>,
) {
  return runTransition({
    action: "sign",
    actor,
    agreementId: ref.agreementId,
    expectedVersion: ref.version,
    build: async ({ tx, now }) => ({
      data: {
        ...input,
        employerSignedAt: now,
        signedById: actor.userId,
        autoConfirmAt: await autoConfirmAtFor(tx, now),
        studentConfirmedAt: null,
        autoConfirmed: false,
      },
    }),
  });
}

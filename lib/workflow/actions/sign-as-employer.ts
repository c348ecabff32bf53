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

type UnitProfile = {
  name: string;
  orgCode: string;
  department: string | null;
  contactName: string;
  contactPhone: string;
  email: string;
  address: string;
  postalCode: string;
  natureCode: string;
  reportTitle: string | null;
  partyOrgReceiver: string | null;
  archiveAddress: string | null;
  settleCity: string | null;
  defaultOpinion: string | null;
};

/** The 用人单位情况及意见 a unit signs with by default: its profile (what 批量签约 uses too). */
export function signFormFromProfile(e: UnitProfile): z.input<typeof employerSignSchema> {
  return {
    unitName: e.name,
    unitOrgCode: e.orgCode,
    unitDepartment: e.department,
    unitContactName: e.contactName,
    unitContactPhone: e.contactPhone,
    unitEmail: e.email,
    unitAddress: e.address,
    unitPostalCode: e.postalCode,
    unitNatureCode: e.natureCode as z.input<typeof employerSignSchema>["unitNatureCode"],
    unitReportTitle: e.reportTitle,
    unitPartyOrgReceiver: e.partyOrgReceiver,
    unitArchiveAddress: e.archiveAddress,
    unitSettleCity: e.settleCity,
    employerOpinion: e.defaultOpinion ?? DEFAULT_EMPLOYER_OPINION,
    authorityOpinion: null,
  };
}

export const DEFAULT_EMPLOYER_OPINION = "同意接收";

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

"use server";

import { approveEmployer, rejectEmployer } from "@/lib/employers/review";
import { employerApproveSchema, employerRejectSchema } from "@/lib/employers/schemas";
import { z } from "zod";
import { reviewUnitSeal } from "@/lib/seals/service";
import { signedInAction } from "@/lib/server-action";

export const approveEmployerAction = signedInAction(["OFFICE"], {
  schema: employerApproveSchema,
  run: (actor, d) => approveEmployer(actor, d.employerId),
  message: "已审核通过，该单位现在可以被毕业生选择并办理网上签约",
  revalidate: { path: "/office/employers" },
});

export const rejectEmployerAction = signedInAction(["OFFICE"], {
  schema: employerRejectSchema,
  run: (actor, d) => rejectEmployer(actor, d.employerId, d.reason),
  message: "已标记为审核不通过，原因已告知该单位",
  revalidate: { path: "/office/employers" },
});

const sealReviewSchema = z.object({
  sealId: z.uuid({ error: "印章编号无效" }),
  approve: z.boolean({ error: "请选择审核结果" }),
  reason: z.string().trim().max(500, { error: "不通过原因不能超过500个字符" }).optional(),
});

/** 印章审核 of an approved unit's new seal (a new unit's seal is approved with the unit). */
export const reviewSealAction = signedInAction(["OFFICE"], {
  schema: sealReviewSchema,
  input: (sealId: unknown, approve: unknown, reason?: unknown) => ({ sealId, approve, reason }),
  run: (actor, d) => reviewUnitSeal(actor, d.sealId, d.approve ? { approve: true } : { approve: false, reason: d.reason ?? "" }),
  message: (r) => (r.status === "APPROVED" ? "印章已审核通过，此后该单位确定签约的电子协议加盖此印章" : "印章审核不通过，原因已告知该单位"),
  revalidate: { path: "/office/employers" },
});

"use server";

import { approveEmployer, approveIdentityChange, rejectEmployer, rejectIdentityChange } from "@/lib/employers/review";
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

/** A review's decision: approve, or refuse with a reason (the service asks for it). */
const decision = {
  approve: z.boolean({ error: "请选择审核结果" }),
  reason: z.string().trim().max(500, { error: "不通过原因不能超过500个字符" }).optional(),
};

const sealReviewSchema = z.object({ sealId: z.uuid({ error: "印章编号无效" }), ...decision });

/** 印章审核 of an approved unit's new seal (a new unit's seal is approved with the unit). */
export const reviewSealAction = signedInAction(["OFFICE"], {
  schema: sealReviewSchema,
  input: (sealId: unknown, approve: unknown, reason?: unknown) => ({ sealId, approve, reason }),
  run: (actor, d) => reviewUnitSeal(actor, d.sealId, d.approve ? { approve: true } : { approve: false, reason: d.reason ?? "" }),
  message: (r) => (r.status === "APPROVED" ? "印章已审核通过，此后该单位确定签约的电子协议加盖此印章" : "印章审核不通过，原因已告知该单位"),
  revalidate: { path: "/office/employers" },
});

const identityChangeSchema = z.object({ employerId: z.uuid({ error: "单位编号无效" }), ...decision });

/** 变更待审核: an approved unit's new 单位名称 / 统一社会信用代码 / 单位性质, approved or refused with a reason. */
export const reviewIdentityChangeAction = signedInAction(["OFFICE"], {
  schema: identityChangeSchema,
  input: (employerId: unknown, approve: unknown, reason?: unknown) => ({ employerId, approve, reason }),
  run: (actor, d) => (d.approve ? approveIdentityChange(actor, d.employerId) : rejectIdentityChange(actor, d.employerId, d.reason ?? "")),
  message: (r) => (r.approved ? "变更已审核通过，该单位此后以新的单位信息被查找和签约" : "变更审核不通过，原因已告知该单位，其继续使用原单位信息"),
  revalidate: { path: "/office/employers" },
});

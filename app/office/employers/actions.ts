"use server";

import { approveEmployer, rejectEmployer } from "@/lib/employers/review";
import { employerApproveSchema, employerRejectSchema } from "@/lib/employers/schemas";
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

"use server";

// 签约邀请 (#14): the unit invites and withdraws, the student accepts or declines; the roles
// of each are the transition table's.
import { z } from "zod";
import { summary, transitionAction } from "@/lib/server-action";
import { acceptInvitation, declineInvitation, inviteGraduate, withdrawInvitation } from "@/lib/workflow";
import { acceptInvitationSchema, agreementRefSchema, answerReasonSchema, invitationSchema } from "@/lib/workflow/schemas";

/** 发出签约邀请 */
export const inviteAction = transitionAction("invite", {
  schema: invitationSchema,
  run: async (actor, form) => summary(await inviteGraduate(actor, form)),
  message: "签约邀请已发出，等待毕业生答复",
  stepUp: true,
});

/** 撤回邀请 */
export const withdrawInvitationAction = transitionAction("withdrawInvitation", {
  schema: agreementRefSchema,
  run: async (actor, ref) => summary(await withdrawInvitation(actor, ref)),
});

/** 应约 (= 正式提交 + 复核确认) */
export const acceptInvitationAction = transitionAction("acceptInvitation", {
  schema: z.object({ ref: agreementRefSchema, form: acceptInvitationSchema }),
  input: (ref: unknown, form: unknown) => ({ ref, form }),
  run: async (actor, d) => summary(await acceptInvitation(actor, d.ref, d.form)),
  message: "已应约，协议已提交学院审核",
  stepUp: true,
});

/** 拒绝邀请, with a reason */
export const declineInvitationAction = transitionAction("declineInvitation", {
  schema: agreementRefSchema.extend(answerReasonSchema.shape),
  input: (ref: unknown, reason?: unknown) => ({ ...(ref as object), reason }),
  run: async (actor, d) => summary(await declineInvitation(actor, d, d.reason)),
});

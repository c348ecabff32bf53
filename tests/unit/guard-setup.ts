// What an agreement (and the office's policy) must look like for each action's guards to
// pass, so that the generated table tests see only what the table decides. One place for
// both tests (workflow-table, capabilities).
import type { ActorRole } from "@/lib/generated/prisma/enums";
import { DEFAULT_POLICY, type WorkflowPolicy } from "@/lib/workflow/guards";
import type { WorkflowAction } from "@/lib/workflow/transitions";

export function satisfyingGuards(action: WorkflowAction, role: ActorRole, now: Date): { agreement: Record<string, unknown>; policy: WorkflowPolicy } {
  const past = new Date(now.getTime() - 1000);
  const future = new Date(now.getTime() + 24 * 3600 * 1000);
  const other: ActorRole = role === "STUDENT" ? "EMPLOYER" : "STUDENT";
  const policy = { ...DEFAULT_POLICY };
  switch (action) {
    case "autoConfirm":
      return { agreement: { autoConfirmAt: past }, policy };
    case "attest":
      return { agreement: { signingMode: "ELECTRONIC" }, policy }; // 鉴证 is the electronic original's step
    case "agreeTermination":
    case "refuseTermination":
      return { agreement: { terminationStatus: "AWAITING_PARTY", terminationBy: other, terminationAnswerBy: future }, policy };
    case "withdrawTermination":
      return { agreement: { terminationStatus: "AWAITING_PARTY", terminationBy: role, terminationAnswerBy: future }, policy };
    case "lapseTermination":
      return { agreement: { terminationStatus: "AWAITING_PARTY", terminationBy: "STUDENT", terminationAnswerBy: past }, policy };
    case "forwardTermination":
      return { agreement: { terminationStatus: "AWAITING_COLLEGE" }, policy: { ...policy, terminationOfficeReview: true } };
    case "approveTermination":
    case "rejectTermination":
      return { agreement: { terminationStatus: "AWAITING_COLLEGE" }, policy };
    case "acceptInvitation":
      return { agreement: { invitationAnswerBy: future }, policy };
    case "lapseInvitation":
      return { agreement: { invitationAnswerBy: past }, policy };
    default:
      return { agreement: {}, policy };
  }
}

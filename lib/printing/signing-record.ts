// The 签署记录 page of an electronic original (Documenso's signing certificate is the model):
// each party's signing act of the agreement as it stands — since its last return — with who,
// when, from where, how they signed in and the hash of the content they confirmed, taken
// from the audit trail (AgreementEvent), which holds the same.
import type { AgreementEvent } from "@/lib/generated/prisma/client";
import { formatDateTimeSeconds } from "@/lib/format";
import type { SigningRecordEntry } from "@/lib/pdf/template";

type Act = { act: string; party: string };

const ACTS: Record<string, Act> = {
  submit: { act: "正式提交", party: "毕业生" },
  sign: { act: "确定签约", party: "用人单位" },
  takeBack: { act: "拿回重签", party: "用人单位" },
  confirm: { act: "复核确认", party: "毕业生" },
  autoConfirm: { act: "系统自动确认（毕业生逾期未复核）", party: "系统" },
  approve: { act: "学院审核通过", party: "学院" },
  attest: { act: "鉴证", party: "学校毕业生就业主管部门" },
  // 签约邀请 (#14)
  invite: { act: "发出签约邀请（确定签约）", party: "用人单位" },
  acceptInvitation: { act: "应约（提交并确认签约信息）", party: "毕业生" },
};

export function formatActTime(at: Date): string {
  return `${formatDateTimeSeconds(at)}（北京时间）`;
}

/**
 * How the person proved who they were for the act, as the engine recorded it on the audit
 * event (#11: the session's sign-in method and time — a step-up re-entry of the password
 * moves that time to just before the act —, the client's address and browser).
 */
export type EventEvidence = {
  actorAuthMethod?: "PASSWORD" | "SSO" | null;
  actorAuthAt?: Date | null;
  actorIp?: string | null;
  actorUserAgent?: string | null;
};

const AUTH_LABELS: Record<"PASSWORD" | "SSO", string> = { PASSWORD: "账号密码", SSO: "统一身份认证（SSO）" };

function authLabel(e: EventEvidence & { actorRole: string }): string {
  if (e.actorRole === "SYSTEM") return "系统（无需登录）";
  if (!e.actorAuthMethod) return "—";
  const at = e.actorAuthAt ? `，验证于 ${formatDateTimeSeconds(e.actorAuthAt)}` : "";
  return `${AUTH_LABELS[e.actorAuthMethod]}${at}`;
}

export function signingRecordEntries(
  events: (Pick<AgreementEvent, "action" | "actorRole" | "actorName" | "toStatus" | "createdAt" | "contentHash"> & EventEvidence)[],
  parties: { unitName: string; collegeName: string },
): SigningRecordEntry[] {
  // the acts of the agreement as it stands: after its last return (a return voids what went before)
  let start = 0;
  events.forEach((e, i) => {
    if (e.toStatus === "RETURNED") start = i + 1;
  });
  return events
    .slice(start)
    .filter((e) => ACTS[e.action])
    .map((e) => {
      const { act, party } = ACTS[e.action];
      const name =
        e.action === "sign" || e.action === "takeBack" || e.action === "invite"
          ? `${parties.unitName}（经办人：${e.actorName}）`
          : e.action === "approve"
            ? `${parties.collegeName}（${e.actorName}）`
            : e.actorName;
      return {
        act,
        party,
        name,
        at: formatActTime(e.createdAt),
        auth: authLabel(e),
        ip: e.actorIp ?? "",
        userAgent: e.actorUserAgent ?? "",
        contentHash: e.contentHash ?? "",
      };
    });
}

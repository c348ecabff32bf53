import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Actor } from "@/lib/auth/roles";
import { getOwnRegistration } from "@/lib/employers/profile";
import { formatDateTime } from "@/lib/format";
import { asSentence } from "@/lib/text";

/**
 * Where a unit lands, until the office has approved its registration: the status and what
 * to do next (a pending unit waits, a rejected one corrects 单位信息 and saves). Nothing once approved.
 */
export async function RegistrationStatus({ actor }: { actor: Actor }) {
  const r = await getOwnRegistration(actor);
  if (r.status === "APPROVED") return null;
  if (r.status === "PENDING") {
    return (
      <Alert tone="warn">
        <p className="font-semibold">单位注册审核状态：待审核</p>
        <p className="mt-1">
          本单位的注册信息已于 {formatDateTime(r.updatedAt)} 提交，正在等待就业处审核。审核通过后，毕业生才能选择本单位发起网上签约，待签约信息会出现在下方。
        </p>
        <p className="mt-1">
          下一步：请在
          <Link href="/employer/profile" className="mx-1 text-brand-700 underline">
            单位信息
          </Link>
          中核对单位信息并上传电子印章；审核结果会通过消息通知告诉您。
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="error">
      <p className="font-semibold">单位注册审核状态：未通过</p>
      <p className="mt-1">
        就业处{r.reviewedAt ? `于 ${formatDateTime(r.reviewedAt)} ` : ""}审核未通过，原因：{r.rejectReason ? asSentence(r.rejectReason) : "（未填写）。"}
      </p>
      <p className="mt-1">
        下一步：请按原因在
        <Link href="/employer/profile" className="mx-1 text-brand-700 underline">
          单位信息
        </Link>
        中修改并保存，保存后将自动重新提交就业处审核。
      </p>
    </Alert>
  );
}

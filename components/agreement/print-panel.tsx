"use client";
// 打印就业协议书: 打印预览 (样张, opens in a new tab) and 打印 (one POST = one recorded print;
// the PDF is downloaded). Build the props on the server with printPanelProps(capabilities, detail)
// from "@/lib/printing/panel".
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { PrintPanelProps } from "@/lib/printing/panel";
import { formatDateTime } from "@/lib/format";

export type { PrintPanelProps } from "@/lib/printing/panel";


function fileNameFrom(disposition: string | null): string {
  const m = disposition?.match(/filename\*=UTF-8''([^;]+)/);
  return m ? decodeURIComponent(m[1]) : "就业协议书.pdf";
}

export function PrintPanel({ agreementId, printable, electronic, canPreview, decision, records }: PrintPanelProps) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [download, setDownload] = useState<{ url: string; name: string } | null>(null);
  const needsReason = decision.allowed && decision.needsReason;

  async function print() {
    setError(null);
    setReasonError(null);
    if (needsReason && !reason.trim()) {
      setReasonError("请填写重新打印的原因");
      return;
    }
    if (!electronic && !window.confirm("一次打印即一式三份（每份双面），请确认打印机已连接并设置为双面打印（长边翻转）。现在打印吗？")) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/agreements/${agreementId}/pdf`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ reason: reason.trim() || null }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: string; fieldErrors?: Record<string, string> } | null;
        setError(body?.error ?? "打印失败，请稍后重试");
        if (body?.fieldErrors?.reason) setReasonError(body.fieldErrors.reason);
        return;
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const name = fileNameFrom(response.headers.get("Content-Disposition"));
      setDownload({ url, name });
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setReason("");
      router.refresh(); // shows the new print record
    } catch {
      setError("网络异常，打印未完成，请稍后重试");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="print-panel-title">
      <h2 id="print-panel-title" className="text-base font-bold">
        {electronic ? "电子协议原件" : "打印就业协议书"}
      </h2>
      {electronic ? (
        <p className="mt-2 rounded-md bg-brand-50 p-3 text-sm text-brand-900">
          <strong>本协议为电子协议，无需打印、盖章、邮寄。</strong>
          各方电子印章在签署时加盖，学校鉴证后，带学校数字签名的 PDF 文件即为原件（附签署记录），毕业生、用人单位、学院均可下载同一份文件；任何人都可在“协议核验”页面上传该文件核验真伪。
        </p>
      ) : (
        <p className="mt-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <strong>双面打印，一式三份，不要打印多份。</strong>
          一次打印即得到三份协议书（第一份毕业生执、第二份用人单位执、第三份学校执），每份正反两面打在一张纸上（长边翻转）。打印后到学院加盖学院及学校公章，再邮寄用人单位盖章。
        </p>
      )}

      {/* why 打印 is not open yet (the capability function's reason), next to the disabled button */}
      {!decision.allowed ? (
        <p id="print-refused" className="mt-3 text-sm text-slate-700">
          {decision.message}
          {!printable && canPreview ? "现在可以先看样张，核对版式。" : ""}
        </p>
      ) : null}

      {needsReason ? (
        <div className="mt-3">
          <label htmlFor="print-reason" className="label">
            重新打印原因<span className="text-red-700">*</span>
          </label>
          <textarea
            id="print-reason"
            className="input"
            rows={2}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "print-reason-error" : undefined}
            placeholder="例如：协议书在邮寄中遗失"
          />
          {reasonError ? (
            <p id="print-reason-error" className="field-error">
              {reasonError}
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="mt-3 flex flex-wrap gap-2">
        {canPreview ? (
          <a className="btn-secondary" href={`/api/agreements/${agreementId}/pdf?preview=1`} target="_blank" rel="noopener">
            打印预览{printable ? "" : "（样张）"}
          </a>
        ) : null}
        <button
          type="button"
          className="btn-primary"
          onClick={print}
          disabled={busy || !decision.allowed}
          aria-describedby={decision.allowed ? undefined : "print-refused"}
        >
          {busy ? "正在生成…" : electronic ? "下载电子协议原件（PDF）" : needsReason ? "重新打印" : "打印"}
        </button>
      </div>

      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {download ? (
        <p className="mt-2 text-sm text-slate-700">
          协议书 PDF 已下载；如未自动下载，请
          <a className="text-brand-700 underline" href={download.url} download={download.name}>
            点此保存
          </a>
          {electronic ? "，请妥善保存（文件即原件，不要另存或编辑，否则签名失效）。" : "，用 PDF 阅读器双面打印。"}
        </p>
      ) : null}

      <h3 className="mt-4 text-sm font-bold">{electronic ? "下载记录" : "打印记录"}</h3>
      {records.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">{electronic ? "尚未下载。" : "尚未打印。"}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-200 text-sm">
          {records.map((r) => (
            <li key={r.id} className="py-2">
              <span className="font-medium">{formatDateTime(r.createdAt)}</span>
              <span className="ml-2">
                {r.printedByName}（{ROLE_LABELS[r.role]}）{electronic ? "下载原件" : `第 ${r.printNo} 次打印${r.printNo > 1 ? "（补打，每页印有打印次数）" : ""}，${r.copies} 份`}
              </span>
              {r.reason ? <span className="block break-words text-slate-600">原因：{r.reason}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

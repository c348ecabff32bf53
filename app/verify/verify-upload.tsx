"use client";
// /verify's second way: upload the electronic agreement (PDF) and see what it is.
import { useState } from "react";
import { FileUploadForm, type UploadAnswer } from "@/components/uploads/file-upload-form";
import { formatDate } from "@/lib/format";

type Verdict = {
  check: string;
  ok: boolean;
  message: string;
  signer: string | null;
  agreement: { agreementNo: string; maskedName: string; unitName: string; statusLabel: string; issuedAt: string; mode: "PAPER" | "ELECTRONIC" } | null;
};

export function VerifyUpload({ maxBytes }: { maxBytes: number }) {
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  return (
    <div className="space-y-4">
      <FileUploadForm
        endpoint="/api/verify"
        field="file"
        accept="application/pdf,.pdf"
        maxBytes={maxBytes}
        label="协议书 PDF 文件"
        hint="从本系统下载的电子协议原件（或打印用的正式 PDF）。文件只用于核验，不会保存。"
        submitLabel="上传并核验"
        refresh={false}
        onAnswer={(a: UploadAnswer) => setVerdict(typeof a.check === "string" ? (a as unknown as Verdict) : null)}
      />
      {verdict ? (
        <div role="status" aria-live="polite" className={`rounded-lg border p-4 ${verdict.ok ? "border-green-300 bg-green-50" : "border-red-300 bg-red-50"}`}>
          <p className={`font-bold ${verdict.ok ? "text-green-800" : "text-red-800"}`}>{verdict.ok ? "核验通过" : "核验未通过"}</p>
          <p className="mt-1 text-sm">{verdict.message}</p>
          {verdict.agreement ? (
            <dl className="mt-3 grid grid-cols-[7em_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
              <dt className="text-slate-500">协议书号</dt>
              <dd className="font-mono">{verdict.agreement.agreementNo}</dd>
              <dt className="text-slate-500">毕业生</dt>
              <dd>{verdict.agreement.maskedName}</dd>
              <dt className="text-slate-500">用人单位</dt>
              <dd className="break-words">{verdict.agreement.unitName}</dd>
              <dt className="text-slate-500">协议状态</dt>
              <dd>{verdict.agreement.statusLabel}</dd>
              <dt className="text-slate-500">出具时间</dt>
              <dd>
                {formatDate(verdict.agreement.issuedAt)}（{verdict.agreement.mode === "ELECTRONIC" ? "电子协议原件" : "纸质打印件的 PDF"}）
              </dd>
            </dl>
          ) : null}
          {verdict.signer ? <p className="mt-2 break-words text-xs text-slate-600">签名证书：{verdict.signer}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

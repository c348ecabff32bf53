// Public: anyone holding a printed agreement checks it here (the QR code opens this page
// with ?c=<code>). It shows only what proves authenticity, nothing personal beyond a
// masked name.
import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import { schoolName } from "@/lib/settings/school";
import { verifyAgreementCode } from "@/lib/printing/verify";
import { MAX_VERIFY_BYTES } from "@/lib/printing/verify-document";
import { VerifyUpload } from "./verify-upload";

export const metadata: Metadata = { title: "就业协议书真伪核验", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ c?: string | string[] }> }) {
  const raw = (await searchParams).c;
  const code = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 64) ?? "";
  const [result, school] = await Promise.all([code ? verifyAgreementCode(code) : null, schoolName()]);

  return (
    <main className="mx-auto max-w-xl px-4 py-8">
      {school ? <p className="text-sm font-semibold text-brand-800">{school}</p> : null}
      <h1 className="text-xl font-bold">就业协议书真伪核验</h1>
      <p className="mt-2 text-sm text-slate-600">纸质协议书：扫描页脚的二维码，或输入页脚上的验证码。电子协议：上传 PDF 文件，核验数字签名与内容。</p>
      <h2 className="mt-6 text-base font-semibold">输入验证码</h2>

      <form method="get" action="/verify" className="mt-4 flex flex-col gap-2 sm:flex-row">
        <label htmlFor="c" className="sr-only">
          验证码
        </label>
        <input
          id="c"
          name="c"
          defaultValue={code}
          placeholder="2027-000123-7K3M9Q2XAB"
          className="input font-mono"
          autoComplete="off"
          maxLength={64}
        />
        <button type="submit" className="btn-primary shrink-0">
          核验
        </button>
      </form>

      {result && !result.ok ? (
        <div role="alert" className="mt-6 rounded-lg border border-red-300 bg-red-50 p-4 text-red-800">
          <p className="font-bold">核验未通过</p>
          <p className="mt-1 text-sm">{result.message}</p>
        </div>
      ) : null}

      {result && result.ok ? (
        <div className="card mt-6">
          <p className={`font-bold ${result.valid ? "text-green-800" : "text-amber-800"}`}>
            {result.valid
              ? `核验通过：本协议书由${school || "学校"}网上签约系统出具。`
              : result.cancelled
                ? "该协议书号真实存在，但协议已解约，此前出具的协议书已失效。"
                : "该协议书号真实存在，但协议此后已被退回重新办理，此前打印的协议书已失效。"}
          </p>
          <dl className="mt-4 grid grid-cols-[7em_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm">
            <dt className="text-slate-500">协议书号</dt>
            <dd className="font-mono">{result.agreementNo}</dd>
            <dt className="text-slate-500">毕业生</dt>
            <dd>{result.maskedName}</dd>
            <dt className="text-slate-500">用人单位</dt>
            <dd className="break-words">{result.unitName}</dd>
            <dt className="text-slate-500">协议状态</dt>
            <dd>{result.statusLabel}</dd>
            <dt className="text-slate-500">学院（校）备案</dt>
            <dd>{result.filed ? `已备案${result.filedAt ? `（${formatDateTime(result.filedAt)}）` : ""}` : "未备案"}</dd>
          </dl>
        </div>
      ) : null}

      <section className="mt-8 border-t border-slate-200 pt-6" aria-labelledby="verify-upload-title">
        <h2 id="verify-upload-title" className="text-base font-semibold">
          上传 PDF 核验
        </h2>
        <div className="mt-3">
          <VerifyUpload maxBytes={MAX_VERIFY_BYTES} />
        </div>
      </section>

      <p className="mt-8 text-sm">
        <Link href="/" className="text-brand-700 underline">
          返回首页
        </Link>
      </p>
    </main>
  );
}

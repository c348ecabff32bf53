// 回传件 as the counselor and the office see them at 网上签约备案 (and the student on their page).
import { formatDateTime } from "@/lib/format";
import type { ScanView } from "@/lib/printing/scans";

function sizeLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function ScanList({ scans, agreementId, required }: { scans: ScanView[]; agreementId: string; required?: boolean }) {
  return (
    <section className="card space-y-2" aria-labelledby="scan-list-title">
      <h2 id="scan-list-title" className="text-base font-bold">
        回传件（盖章后的协议书扫描件/照片）
      </h2>
      {scans.length === 0 ? (
        <p className="text-sm text-slate-600">毕业生尚未上传回传件。{required ? "就业处要求：上传回传件后方可备案。" : ""}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {scans.map((s, i) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a className="break-all text-brand-700 underline" href={`/api/agreements/${agreementId}/scans/${s.id}`} target="_blank" rel="noopener">
                {s.fileName}
              </a>
              <span className="text-slate-500">
                {sizeLabel(s.size)} · {formatDateTime(s.createdAt)}
                {i === 0 && scans.length > 1 ? " · 最新" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// A unit's electronic seal as its staff and the office see it: the seal in force, the one
// waiting for review, the last refusal. Images come from /api/seals/<id> (access-checked).
import { formatDateTime } from "@/lib/format";

export type UnitSealState = {
  current: { id: string; url: string; reviewedAt: Date | null } | null;
  pending: { id: string; url: string; createdAt: Date } | null;
  rejected: { id: string; url: string; rejectReason: string | null; reviewedAt: Date | null } | null;
};

export function SealImage({ url, label }: { url: string; label: string }) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- an access-checked image, not a static asset
    <img src={url} alt={label} width={120} height={120} className="h-[120px] w-[120px] rounded-md border border-slate-200 bg-[repeating-conic-gradient(#f1f5f9_0_25%,#fff_0_50%)] bg-[length:16px_16px] object-contain" />
  );
}

export function UnitSealStatus({ seals }: { seals: UnitSealState }) {
  return (
    <div className="flex flex-wrap gap-6 text-sm">
      <div className="space-y-1">
        <div className="font-medium">当前使用的印章</div>
        {seals.current ? (
          <>
            <SealImage url={seals.current.url} label="当前使用的单位电子印章" />
            <div className="text-slate-500">{seals.current.reviewedAt ? `${formatDateTime(seals.current.reviewedAt)} 审核通过` : ""}</div>
          </>
        ) : (
          <p className="text-slate-600">尚无审核通过的电子印章。</p>
        )}
      </div>
      {seals.pending ? (
        <div className="space-y-1">
          <div className="font-medium text-amber-800">待就业处审核</div>
          <SealImage url={seals.pending.url} label="待审核的单位电子印章" />
          <div className="text-slate-500">{formatDateTime(seals.pending.createdAt)} 上传</div>
        </div>
      ) : null}
      {seals.rejected ? (
        <div className="space-y-1">
          <div className="font-medium text-red-800">审核未通过</div>
          <SealImage url={seals.rejected.url} label="审核未通过的单位电子印章" />
          <div className="max-w-[16em] text-red-800">原因：{seals.rejected.rejectReason ?? "—"}</div>
        </div>
      ) : null}
    </div>
  );
}

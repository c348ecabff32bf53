import type { Metadata } from "next";
import { Pager } from "@/components/office/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { requireRole } from "@/lib/auth/guard";
import { formatDateTime } from "@/lib/format";
import { pageParams, param, type SearchParams } from "@/lib/http/params";
import { listAgreements } from "@/lib/workflow/queries";
import { AttestTable } from "./attest-table";

export const metadata: Metadata = { title: "电子协议鉴证" };

/** 电子协议鉴证: what the 学院 approved and the school has not attested yet, oldest first. */
export default async function AttestPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole("OFFICE");
  const { page } = pageParams(await searchParams, { page: param.page });
  const list = await listAgreements(
    { signingMode: "ELECTRONIC", attestedAt: null },
    { status: "APPROVED", page, orderBy: [{ approvedAt: "asc" }, { id: "asc" }] },
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">电子协议鉴证</h1>
      <p className="text-sm text-slate-600">
        学院审核通过的电子协议，经学校毕业生就业主管部门鉴证（加盖鉴证章）后，带学校数字签名的 PDF 即为原件，各方即可下载。可逐份打开核对后鉴证，也可勾选后批量鉴证。
      </p>
      {list.total === 0 ? (
        <EmptyState title="没有待鉴证的电子协议" />
      ) : (
        <>
          <AttestTable
            rows={list.rows.map((r) => ({
              id: r.id,
              version: r.version,
              agreementNo: r.agreementNo ?? "",
              name: r.student.name,
              studentNo: r.student.studentNo,
              college: r.student.college.name,
              unit: r.employer.name,
              approvedAt: formatDateTime(r.approvedAt),
            }))}
          />
          <Pager basePath="/office/attest" params={{}} page={list.page} pages={list.pages} total={list.total} />
        </>
      )}
    </div>
  );
}

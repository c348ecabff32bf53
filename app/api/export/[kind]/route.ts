// XLSX exports (role-checked; counselors get their own 学院 only, enforced in lib).
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import type { EmployerStatus } from "@/lib/generated/prisma/enums";
import { drilldownSheet, employersSheet, parseStudentFilter, statisticsSheets, studentsSheet } from "@/lib/export/exports";
import { stamp, streamWorkbook, xlsxResponse } from "@/lib/export/xlsx";
import { countDrilldown, parseFigure } from "@/lib/statistics/drilldown";
import { parseStatsFilter } from "@/lib/statistics/filters";
import { buildImportTemplate } from "@/lib/students/template";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  const sp = new URL(request.url).searchParams;
  try {
    switch (kind) {
      case "student-template": {
        await requireActor("OFFICE", "COUNSELOR");
        return xlsxResponse(await buildImportTemplate(), "生源信息导入模板.xlsx");
      }
      case "students": {
        const actor = await requireActor("OFFICE", "COUNSELOR");
        return xlsxResponse(streamWorkbook([studentsSheet(actor, parseStudentFilter(sp))]), `生源信息_${stamp()}.xlsx`);
      }
      case "employers": {
        const actor = await requireActor("OFFICE");
        const status = sp.get("status") as EmployerStatus | null;
        const sheet = await employersSheet(actor, { status: status && ["PENDING", "APPROVED", "REJECTED"].includes(status) ? status : undefined, q: sp.get("q") ?? undefined });
        return xlsxResponse(streamWorkbook([sheet]), `用人单位_${stamp()}.xlsx`);
      }
      case "statistics": {
        const actor = await requireActor("OFFICE", "COUNSELOR");
        const sheets = await statisticsSheets(actor, parseStatsFilter(Object.fromEntries(sp)));
        return xlsxResponse(streamWorkbook(sheets), `查询统计_${stamp()}.xlsx`);
      }
      case "drilldown": {
        const actor = await requireActor("OFFICE", "COUNSELOR");
        const figure = parseFigure(sp.get("figure") ?? undefined);
        if (!figure) return new Response("统计项无效", { status: 400 });
        const filter = parseStatsFilter(Object.fromEntries(sp));
        const rows = await countDrilldown(actor, filter, figure);
        return xlsxResponse(streamWorkbook([drilldownSheet(actor, filter, figure)]), `统计明细_${stamp()}.xlsx`, { "X-Export-Rows": String(rows) });
      }
      default:
        return new Response("未找到", { status: 404 });
    }
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.code === "UNAUTHENTICATED" ? 401 : error.code === "FORBIDDEN" ? 403 : 400;
      return new Response(error.message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw error;
  }
}

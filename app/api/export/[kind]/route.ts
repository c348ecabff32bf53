// XLSX exports (role-checked; counselors get their own 学院 only, enforced in lib). Every
// parameter is checked first (400 in zh-CN), and the first rows of every sheet are read
// before the answer starts: an export that fails says so instead of breaking off mid-download.
import { requireActor } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { drilldownSheet, employersSheet, parseStudentFilter, statisticsSheets, studentsSheet } from "@/lib/export/exports";
import { stamp, streamWorkbook, xlsxResponse } from "@/lib/export/xlsx";
import { param, routeParams } from "@/lib/http/params";
import { textError } from "@/lib/http/request";
import { HTTP_STATUS } from "@/lib/printing/http";
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
        const filter = parseStudentFilter(sp);
        return xlsxResponse(await streamWorkbook([studentsSheet(actor, filter)]), `生源信息_${stamp()}.xlsx`);
      }
      case "employers": {
        const actor = await requireActor("OFFICE");
        const p = routeParams(sp, { status: param.oneOf(["PENDING", "CHANGE", "APPROVED", "REJECTED", "all"]), q: param.text() });
        const sheet = await employersSheet(actor, { status: p.status === "all" ? undefined : p.status, q: p.q });
        return xlsxResponse(await streamWorkbook([sheet]), `用人单位_${stamp()}.xlsx`);
      }
      case "statistics": {
        const actor = await requireActor("OFFICE", "COUNSELOR");
        const sheets = await statisticsSheets(actor, parseStatsFilter(sp));
        return xlsxResponse(await streamWorkbook(sheets), `查询统计_${stamp()}.xlsx`);
      }
      case "drilldown": {
        const actor = await requireActor("OFFICE", "COUNSELOR");
        const figure = parseFigure(routeParams(sp, { figure: param.text(80) }).figure);
        if (!figure) return textError(400, "请求参数不正确：统计项无效");
        const filter = parseStatsFilter(sp);
        const rows = await countDrilldown(actor, filter, figure);
        return xlsxResponse(await streamWorkbook([drilldownSheet(actor, filter, figure)]), `统计明细_${stamp()}.xlsx`, { "X-Export-Rows": String(rows) });
      }
      default:
        return textError(404, "未找到该导出");
    }
  } catch (error) {
    if (error instanceof AppError) return textError(error.code === "NOT_FOUND" ? 404 : HTTP_STATUS[error.code], error.message);
    console.error("export failed", error);
    return textError(503, "导出失败：服务暂时不可用，请稍后重试");
  }
}

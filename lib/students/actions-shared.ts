// The bodies of the 生源信息 server actions, shared by the office and counselor areas (each
// area's "use server" file wraps these with its own role): parse → requireActor → one service.
import { requireActor } from "@/lib/auth/guard";
import type { Role } from "@/lib/generated/prisma/enums";
import { actionError, invalidInput, type ActionResult } from "@/lib/action-result";
import { importStudents, type ImportReport } from "./import";
import { approveSources, returnSource, sourceApproveSchema, sourceReturnSchema, type SourceOutcome } from "./review";

export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

export async function runImport(role: Role, form: FormData): Promise<ActionResult<ImportReport>> {
  const file = form.get("file");
  const mode = form.get("mode") === "goodRowsOnly" ? "goodRowsOnly" : "strict";
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "请选择要导入的 .xlsx 文件", fieldErrors: { file: "请选择要导入的 .xlsx 文件" } };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: "文件不能超过 8 MB，请分批导入", fieldErrors: { file: "文件不能超过 8 MB" } };
  try {
    const actor = await requireActor(role);
    const report = await importStudents(actor, await file.arrayBuffer(), mode);
    return { ok: true, data: report };
  } catch (error) {
    return actionError(error);
  }
}

export async function runApprove(role: Role, input: unknown): Promise<ActionResult<SourceOutcome[]>> {
  const parsed = sourceApproveSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor(role);
    const outcomes = await approveSources(actor, parsed.data.studentIds);
    const ok = outcomes.filter((o) => o.ok).length;
    return { ok: true, data: outcomes, message: `审核通过 ${ok} 名${outcomes.length > ok ? `，${outcomes.length - ok} 名未能通过` : ""}` };
  } catch (error) {
    return actionError(error);
  }
}

export async function runReturn(role: Role, input: unknown): Promise<ActionResult> {
  const parsed = sourceReturnSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    const actor = await requireActor(role);
    await returnSource(actor, parsed.data.studentId, parsed.data.reason);
    return { ok: true, message: "已退回" };
  } catch (error) {
    return actionError(error);
  }
}

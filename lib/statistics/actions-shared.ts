import { requireActor } from "@/lib/auth/guard";
import { actionError, type ActionResult } from "@/lib/action-result";
import { refreshStatistics } from "./refresh";

/** 刷新数据: rebuild the summaries now (office or counselor). */
export async function runRefresh(): Promise<ActionResult> {
  try {
    await requireActor("OFFICE", "COUNSELOR");
    const { durationMs } = await refreshStatistics();
    return { ok: true, message: `统计数据已更新（用时 ${(durationMs / 1000).toFixed(1)} 秒）` };
  } catch (error) {
    return actionError(error);
  }
}

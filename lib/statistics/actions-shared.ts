import { signedInAction } from "@/lib/server-action";
import { z } from "zod";
import { refreshStatistics } from "./refresh";

/** 刷新数据: rebuild the summaries now (the office, and counselors for their 学院's figures). */
export const refreshStatisticsActionFor = () =>
  signedInAction(["OFFICE", "COUNSELOR"], {
    schema: z.unknown(),
    input: () => undefined,
    run: () => refreshStatistics(),
    message: ({ durationMs }) => `统计数据已更新（用时 ${(durationMs / 1000).toFixed(1)} 秒）`,
  });

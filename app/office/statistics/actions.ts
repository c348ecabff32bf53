"use server";

import { runRefresh } from "@/lib/statistics/actions-shared";

export async function refreshStatisticsAction() {
  return runRefresh();
}

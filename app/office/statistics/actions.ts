"use server";

import { refreshStatisticsActionFor } from "@/lib/statistics/actions-shared";

export const refreshStatisticsAction = refreshStatisticsActionFor();

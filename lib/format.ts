import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Times are shown in Beijing time whatever the server's zone. */
export const TIME_ZONE = "Asia/Shanghai";

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(new TZDate(new Date(d), TIME_ZONE), "yyyy-MM-dd HH:mm");
}

/** To the second, for evidence (the 签署记录): "2027-03-01 10:15:02". */
export function formatDateTimeSeconds(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(new TZDate(new Date(d), TIME_ZONE), "yyyy-MM-dd HH:mm:ss");
}

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(new TZDate(new Date(d), TIME_ZONE), "yyyy-MM-dd");
}

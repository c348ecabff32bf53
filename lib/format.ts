// Every date and time a person reads — pages, mails, exports, the printed form — is written
// here, in Beijing time whatever the server's zone: one format, "2026-12-08 19:57".
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";

/** Times are shown in Beijing time whatever the server's zone. */
export const TIME_ZONE = "Asia/Shanghai";

const inBeijing = (d: Date | string) => new TZDate(new Date(d), TIME_ZONE);

/** The one format of a moment on every page: "2026-12-08 19:57". */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(inBeijing(d), "yyyy-MM-dd HH:mm");
}

/** To the second, for evidence (the 签署记录): "2027-03-01 10:15:02". */
export function formatDateTimeSeconds(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(inBeijing(d), "yyyy-MM-dd HH:mm:ss");
}

/** A calendar day: "2026-12-08". */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(inBeijing(d), "yyyy-MM-dd");
}

/**
 * The date in a box of the printed form, where a blank form says "年　月　日" to be filled in
 * by hand: the online act's date fills it in the same shape, "2027年3月1日".
 */
export function formatFormDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  return format(inBeijing(d), "yyyy年M月d日");
}

/** Today's calendar day in Beijing, "2026-12-08" (`now` for tests). */
export function beijingToday(now: Date = new Date()): string {
  return formatDate(now);
}

/**
 * A spreadsheet date has no time zone: it is the wall clock. The instant's Beijing wall
 * clock, as the Date whose UTC fields are that wall clock (what exceljs writes as the serial).
 */
export function beijingWallClock(instant: Date): Date {
  const b = inBeijing(instant);
  return new Date(Date.UTC(b.getFullYear(), b.getMonth(), b.getDate(), b.getHours(), b.getMinutes(), b.getSeconds()));
}

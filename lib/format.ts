// Every date and time a person reads — pages, mails, exports, the printed form — is written
// here, in Beijing time whatever the server's zone: one format, "2026-12-08 19:57".

/** Times are shown in Beijing time whatever the server's zone. */
export const TIME_ZONE = "Asia/Shanghai";

// The platform's own time-zone database (ICU), one formatter per process: a list of 20 rows
// formats 20–80 moments, and a TZDate with date-fns' format per moment cost 24 µs (7 µs
// this way, measured side by side; 1.9 ms of 待签约信息's CPU under `npm run profile:load`).
const BEIJING = new Intl.DateTimeFormat("en-US", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

type WallClock = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/** The Beijing wall clock of a moment, each field as digits ("2026", "03", "01", "09", …). */
function inBeijing(d: Date | string): WallClock {
  const clock = { year: "", month: "", day: "", hour: "", minute: "", second: "" };
  for (const part of BEIJING.formatToParts(new Date(d))) if (part.type in clock) clock[part.type as keyof WallClock] = part.value;
  return clock;
}

/** The one format of a moment on every page: "2026-12-08 19:57". */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "";
  const b = inBeijing(d);
  return `${b.year}-${b.month}-${b.day} ${b.hour}:${b.minute}`;
}

/** To the second, for evidence (the 签署记录): "2027-03-01 10:15:02". */
export function formatDateTimeSeconds(d: Date | string | null | undefined): string {
  if (!d) return "";
  const b = inBeijing(d);
  return `${b.year}-${b.month}-${b.day} ${b.hour}:${b.minute}:${b.second}`;
}

/** A calendar day: "2026-12-08". */
export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  const b = inBeijing(d);
  return `${b.year}-${b.month}-${b.day}`;
}

/**
 * The date in a box of the printed form, where a blank form says "年　月　日" to be filled in
 * by hand: the online act's date fills it in the same shape, "2027年3月1日".
 */
export function formatFormDate(d: Date | string | null | undefined): string {
  if (!d) return "";
  const b = inBeijing(d);
  return `${b.year}年${Number(b.month)}月${Number(b.day)}日`;
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
  return new Date(Date.UTC(Number(b.year), Number(b.month) - 1, Number(b.day), Number(b.hour), Number(b.minute), Number(b.second)));
}

// Whose system this is: the school's name from 系统设置, on every page's header, the login
// page, /verify and the browser's title. Read with the rest of the settings, once per render
// (./row.ts); a page still renders, without the name, when the settings cannot be read.
import { settingRow } from "./row";

export const SYSTEM_NAME = "就业协议书网上签约";

export async function schoolName(): Promise<string> {
  try {
    const s = await settingRow();
    return s?.schoolName.trim() ?? "";
  } catch {
    return ""; // the page's own data read reports the outage; the name is not worth an error page
  }
}

/** "东北理工大学就业协议书网上签约", or the system's name alone before the school is set. */
export function siteName(school: string): string {
  return school ? `${school}${SYSTEM_NAME}` : SYSTEM_NAME;
}

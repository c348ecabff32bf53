import type { NoticeSection } from "@/components/agreement/notice-dialog";
import type { AppSettings } from "@/lib/settings/service";

/** 签约须知 as a unit reads it: the office's text and the rule of the student's 复核确认. */
export function unitNoticeSections(settings: Pick<AppSettings, "signingNotice" | "autoConfirmDays">): NoticeSection[] {
  return [
    {
      title: "签约须知",
      text: `${settings.signingNotice}\n\n单位确定签约后，学生须在 ${settings.autoConfirmDays} 日内复核确认，逾期系统自动确认。学生确认前如发现单位信息有误，可在“已签约信息”中“拿回重签”。`,
    },
  ];
}

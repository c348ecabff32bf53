// 政治面貌, GB/T 4762-1984 《政治面貌代码》. `label` is the short form printed on the
// agreement (中共党员, 共青团员 …), `fullName` the standard's full wording.
import { codeGuard, codesOf, labelLookup } from "./code-table";

export const POLITICAL_STATUSES = [
  { code: "01", label: "中共党员", fullName: "中国共产党党员" },
  { code: "02", label: "中共预备党员", fullName: "中国共产党预备党员" },
  { code: "03", label: "共青团员", fullName: "中国共产主义青年团团员" },
  { code: "04", label: "民革党员", fullName: "中国国民党革命委员会会员" },
  { code: "05", label: "民盟盟员", fullName: "中国民主同盟盟员" },
  { code: "06", label: "民建会员", fullName: "中国民主建国会会员" },
  { code: "07", label: "民进会员", fullName: "中国民主促进会会员" },
  { code: "08", label: "农工党党员", fullName: "中国农工民主党党员" },
  { code: "09", label: "致公党党员", fullName: "中国致公党党员" },
  { code: "10", label: "九三学社社员", fullName: "九三学社社员" },
  { code: "11", label: "台盟盟员", fullName: "台湾民主自治同盟盟员" },
  { code: "12", label: "无党派人士", fullName: "无党派民主人士" },
  { code: "13", label: "群众", fullName: "群众" },
] as const;

export type PoliticalStatusCode = (typeof POLITICAL_STATUSES)[number]["code"];

export const POLITICAL_STATUS_CODES = codesOf(POLITICAL_STATUSES);

export const politicalStatusLabel = labelLookup(POLITICAL_STATUSES);

export const isPoliticalStatusCode = codeGuard(POLITICAL_STATUSES);

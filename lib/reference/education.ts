// 学历, with the codes of the national graduate-employment data standard (全国高校毕业生
// 就业管理系统): 01 博士生, 11 硕士生, 31 本科生, 41 专科生. Labels as printed on the agreement.
import { codeGuard, codesOf, labelLookup } from "./code-table";

export const EDUCATION_LEVELS = [
  { code: "01", label: "博士生毕业", defaultSchoolingYears: 4 },
  { code: "11", label: "硕士生毕业", defaultSchoolingYears: 3 },
  { code: "31", label: "本科生毕业", defaultSchoolingYears: 4 },
  { code: "41", label: "专科生毕业", defaultSchoolingYears: 3 },
] as const;

export type EducationCode = (typeof EDUCATION_LEVELS)[number]["code"];

export const EDUCATION_CODES = codesOf(EDUCATION_LEVELS);

export const educationLabel = labelLookup(EDUCATION_LEVELS);

export const isEducationCode = codeGuard(EDUCATION_LEVELS);

/** The usual 学制 (years) of a level: a default for forms, not a rule (本科 may be 5 years). */
export function defaultSchoolingYears(code: EducationCode): number {
  return EDUCATION_LEVELS.find((level) => level.code === code)!.defaultSchoolingYears;
}

// 单位性质: the 12 categories of the agreement form, in the form's order (which is not
// code order: 部队 40 comes before 其他事业单位 29), each with its national code.
import { codeGuard, codesOf, labelLookup } from "./code-table";

export const UNIT_NATURES = [
  { code: "10", label: "党政机关" },
  { code: "20", label: "科研单位" },
  { code: "21", label: "高等教育单位" },
  { code: "22", label: "中等初等教育单位" },
  { code: "23", label: "医疗卫生单位" },
  { code: "40", label: "部队" },
  { code: "29", label: "其他事业单位" },
  { code: "31", label: "国有企业" },
  { code: "32", label: "外资企业" },
  { code: "39", label: "私营企业" },
  { code: "56", label: "城镇社区" },
  { code: "55", label: "农村建制村" },
] as const;

export type UnitNatureCode = (typeof UNIT_NATURES)[number]["code"];

export const UNIT_NATURE_CODES = codesOf(UNIT_NATURES);

export const unitNatureLabel = labelLookup(UNIT_NATURES);

export const isUnitNatureCode = codeGuard(UNIT_NATURES);

// 民族, GB/T 3304-1991 《中国各民族名称的罗马字母拼写法和代码》 (numeric codes).
import { codeGuard, codesOf, labelLookup } from "./code-table";

export const ETHNICITIES = [
  { code: "01", label: "汉族" },
  { code: "02", label: "蒙古族" },
  { code: "03", label: "回族" },
  { code: "04", label: "藏族" },
  { code: "05", label: "维吾尔族" },
  { code: "06", label: "苗族" },
  { code: "07", label: "彝族" },
  { code: "08", label: "壮族" },
  { code: "09", label: "布依族" },
  { code: "10", label: "朝鲜族" },
  { code: "11", label: "满族" },
  { code: "12", label: "侗族" },
  { code: "13", label: "瑶族" },
  { code: "14", label: "白族" },
  { code: "15", label: "土家族" },
  { code: "16", label: "哈尼族" },
  { code: "17", label: "哈萨克族" },
  { code: "18", label: "傣族" },
  { code: "19", label: "黎族" },
  { code: "20", label: "傈僳族" },
  { code: "21", label: "佤族" },
  { code: "22", label: "畲族" },
  { code: "23", label: "高山族" },
  { code: "24", label: "拉祜族" },
  { code: "25", label: "水族" },
  { code: "26", label: "东乡族" },
  { code: "27", label: "纳西族" },
  { code: "28", label: "景颇族" },
  { code: "29", label: "柯尔克孜族" },
  { code: "30", label: "土族" },
  { code: "31", label: "达斡尔族" },
  { code: "32", label: "仫佬族" },
  { code: "33", label: "羌族" },
  { code: "34", label: "布朗族" },
  { code: "35", label: "撒拉族" },
  { code: "36", label: "毛南族" },
  { code: "37", label: "仡佬族" },
  { code: "38", label: "锡伯族" },
  { code: "39", label: "阿昌族" },
  { code: "40", label: "普米族" },
  { code: "41", label: "塔吉克族" },
  { code: "42", label: "怒族" },
  { code: "43", label: "乌孜别克族" },
  { code: "44", label: "俄罗斯族" },
  { code: "45", label: "鄂温克族" },
  { code: "46", label: "德昂族" },
  { code: "47", label: "保安族" },
  { code: "48", label: "裕固族" },
  { code: "49", label: "京族" },
  { code: "50", label: "塔塔尔族" },
  { code: "51", label: "独龙族" },
  { code: "52", label: "鄂伦春族" },
  { code: "53", label: "赫哲族" },
  { code: "54", label: "门巴族" },
  { code: "55", label: "珞巴族" },
  { code: "56", label: "基诺族" },
  { code: "97", label: "其他" },
  { code: "98", label: "外国血统中国籍人士" },
] as const;

export type EthnicityCode = (typeof ETHNICITIES)[number]["code"];

export const ETHNICITY_CODES = codesOf(ETHNICITIES);

export const HAN_ETHNICITY_CODE = "01" satisfies EthnicityCode;

export const ethnicityLabel = labelLookup(ETHNICITIES);

export const isEthnicityCode = codeGuard(ETHNICITIES);

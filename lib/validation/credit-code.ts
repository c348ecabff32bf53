// 统一社会信用代码 (GB 32100-2015) and the older 组织机构代码 (GB 11714-1997) that units
// registered before 2015 may still quote. Both end with a weighted check character.

const CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"; // 31 characters: no I O Z S V
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_PATTERN = /^[0-9A-Z]{8}-?[0-9X]$/;

/** The 18th character of a 统一社会信用代码 for its first 17. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARSET.indexOf(first17[i] ?? "");
    if (value < 0) throw new Error(`creditCodeCheckChar: invalid character at ${i} in "${first17}"`);
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARSET[(31 - (sum % 31)) % 31];
}

/** The 9th character of a 组织机构代码 for its first 8 (digits, A=10 … Z=35). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = parseInt(first8[i] ?? "", 36);
    if (Number.isNaN(value)) throw new Error(`orgCodeCheckChar: invalid character at ${i} in "${first8}"`);
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

function clean(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

export function isCreditCode(raw: string | null | undefined): boolean {
  const code = clean(raw ?? "");
  return CREDIT_PATTERN.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

export function isOrgCode(raw: string | null | undefined): boolean {
  const code = clean(raw ?? "");
  if (!ORG_PATTERN.test(code)) return false;
  const body = code.replace("-", "");
  return orgCodeCheckChar(body.slice(0, 8)) === body[8];
}

/** 单位组织机构代码 as the form accepts it: either kind. */
export function isUnitCode(raw: string | null | undefined): boolean {
  return isCreditCode(raw) || isOrgCode(raw);
}

/** One spelling per code, so the unique index on Employer.orgCode sees duplicates: "XXXXXXXX-X" or the 18 chars. */
export function normalizeUnitCode(raw: string): string {
  const code = clean(raw);
  if (isOrgCode(code)) {
    const body = code.replace("-", "");
    return `${body.slice(0, 8)}-${body[8]}`;
  }
  return code;
}

/**
 * A valid, deterministic 统一社会信用代码 for seeds and tests: 9 (工商) + 1 (企业) by default,
 * the given 6-digit 行政区划代码, an embedded 组织机构代码 derived from `seed`, the check char.
 */
export function makeCreditCode(seed: number | string, regionCode = "230100", prefix = "91"): string {
  if (!/^\d{6}$/.test(regionCode)) throw new Error(`makeCreditCode: region must be 6 digits, got "${regionCode}"`);
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(prefix)) throw new Error(`makeCreditCode: invalid prefix "${prefix}"`);
  // FNV-1a over the seed's text: stable across runs and platforms, spreads nearby seeds.
  let hash = 0x811c9dc5;
  for (const ch of String(seed)) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let body = "";
  for (let i = 0; i < 8; i++) {
    body += CREDIT_CHARSET[hash % CREDIT_CHARSET.length];
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
    hash = (hash + i + 1) >>> 0;
  }
  const first17 = `${prefix}${regionCode}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}

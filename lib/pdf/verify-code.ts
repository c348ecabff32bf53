// The verification code printed on every page of an official agreement and encoded in
// its QR code: 协议书号 + a keyed MAC over (agreement id, 协议书号). The MAC is what makes
// a forged or altered code fail; the 协议书号 in front lets /verify find the agreement.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { normalizeAgreementNumber } from "@/lib/workflow/agreement-number";

// Crockford base32: no I, L, O, U, so a code typed from paper is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const MAC_CHARS = 10; // 50 bits: guessing online is hopeless, the code stays short

function verifySecret(): string {
  const explicit = process.env.VERIFY_SECRET;
  if (explicit) return explicit;
  const auth = process.env.AUTH_SECRET;
  if (!auth) throw new Error("VERIFY_SECRET 或 AUTH_SECRET 未设置，无法生成协议验证码");
  // A separate key derived from AUTH_SECRET: a leaked verification MAC says nothing about sessions.
  return createHash("sha256").update(`wangqian:verify-code:${auth}`).digest("hex");
}

function base32(bytes: Buffer, chars: number): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= chars) break;
  }
  return out;
}

function mac(agreementId: string, agreementNo: string): string {
  const digest = createHmac("sha256", verifySecret()).update(`${agreementId.toLowerCase()}|${agreementNo}`).digest();
  return base32(digest, MAC_CHARS);
}

/** "2027-000123-7K3M9Q2XAB" for agreement 2027-000123. */
export function verificationCode(agreementId: string, agreementNo: string): string {
  return `${agreementNo}-${mac(agreementId, agreementNo)}`;
}

export type ParsedCode = { agreementNo: string; mac: string };

/** Accepts what a person may type: lower case, spaces, O for 0, I/L for 1; null if malformed. */
export function parseVerificationCode(raw: string | null | undefined): ParsedCode | null {
  if (!raw) return null;
  const cleaned = raw.toUpperCase().replace(/\s+/g, "");
  const m = cleaned.match(/^(\d{4}-?\d{6})-?([0-9A-Z]{10})$/);
  if (!m) return null;
  const agreementNo = normalizeAgreementNumber(m[1]);
  if (!agreementNo) return null;
  const macPart = m[2].replace(/O/g, "0").replace(/[IL]/g, "1");
  if (/[U]/.test(macPart)) return null;
  return { agreementNo, mac: macPart };
}

/** Constant-time check of a parsed code against the agreement it names. */
export function codeMatches(parsed: ParsedCode, agreementId: string, agreementNo: string): boolean {
  if (parsed.agreementNo !== agreementNo) return false;
  const expected = Buffer.from(mac(agreementId, agreementNo));
  const given = Buffer.from(parsed.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The public URL a QR code opens; the origin comes from the request or APP_URL/AUTH_URL. */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/verify?c=${encodeURIComponent(code)}`;
}

// The verification code printed on every page of an official agreement and encoded in
// its QR code: 协议书号 + a keyed MAC over (agreement id, 协议书号, the approval it was
// printed under). The MAC is what makes a forged or altered code fail; the 协议书号 in front
// lets /verify find the agreement; the approval (Agreement.approvals, counted by each 通过)
// is what keeps a copy printed before a return void after the agreement is approved again:
// a reprint under the new approval carries a new code, the old one reads 已失效 for ever.
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

/**
 * Approval 0 is the code of agreements approved before codes were bound to their approval
 * (the MAC over id and number alone): those copies keep verifying until a return.
 */
function mac(agreementId: string, agreementNo: string, approval: number): string {
  const payload = `${agreementId.toLowerCase()}|${agreementNo}${approval > 0 ? `|${approval}` : ""}`;
  const digest = createHmac("sha256", verifySecret()).update(payload).digest();
  return base32(digest, MAC_CHARS);
}

/** "2027-000123-7K3M9Q2XAB" for agreement 2027-000123 under its `approval`-th 通过. */
export function verificationCode(agreementId: string, agreementNo: string, approval: number): string {
  return `${agreementNo}-${mac(agreementId, agreementNo, approval)}`;
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

/** Constant-time check of a parsed code against the agreement it names, under one approval. */
export function codeMatches(parsed: ParsedCode, agreementId: string, agreementNo: string, approval: number): boolean {
  if (parsed.agreementNo !== agreementNo) return false;
  const expected = Buffer.from(mac(agreementId, agreementNo, approval));
  const given = Buffer.from(parsed.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * Under which approval (0 … `approvals`, the agreement's count) this code was printed, or
 * null if under none (forged or altered). Every approval is tried, so the time taken does
 * not tell which one matched.
 */
export function approvalOfCode(parsed: ParsedCode, agreementId: string, agreementNo: string, approvals: number): number | null {
  let found: number | null = null;
  for (let k = Math.max(0, approvals); k >= 0; k--) if (codeMatches(parsed, agreementId, agreementNo, k) && found === null) found = k;
  return found;
}

/** The public URL a QR code opens; the origin comes from the request or APP_URL/AUTH_URL. */
export function verificationUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, "")}/verify?c=${encodeURIComponent(code)}`;
}

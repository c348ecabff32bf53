import fc from "fast-check";
import { approvalOfCode, codeMatches, parseVerificationCode, verificationCode, verificationUrl } from "@/lib/pdf/verify-code";

const ID = "3f2b8c1e-5d4a-4b7e-9c21-0a1b2c3d4e5f";
const NO = "2027-000123";

describe("verification code", () => {
  const env = { ...process.env };
  beforeEach(() => {
    process.env.VERIFY_SECRET = "unit-test-verify-secret";
  });
  afterAll(() => {
    process.env = env;
  });

  it("is the 协议书号 followed by a 10-character MAC, and verifies", () => {
    const code = verificationCode(ID, NO, 1);
    expect(code).toMatch(/^2027-000123-[0-9A-HJKMNP-TV-Z]{10}$/);
    const parsed = parseVerificationCode(code)!;
    expect(codeMatches(parsed, ID, NO, 1)).toBe(true);
    expect(verificationUrl("https://jy.example.edu.cn/", code)).toBe(`https://jy.example.edu.cn/verify?c=${code}`);
  });

  it("accepts what people type from paper: lower case, spaces, O for 0, I/L for 1", () => {
    const code = verificationCode(ID, NO, 1);
    const mac = code.slice(-10).toLowerCase().replace(/0/g, "o").replace(/1/g, "l");
    const typed = `${code.slice(0, -11).replace("-", " ")} ${mac}`;
    const parsed = parseVerificationCode(typed)!;
    expect(parsed).not.toBeNull();
    expect(codeMatches(parsed, ID, NO, 1)).toBe(true);
  });

  it("refuses every single-character change of the MAC", () => {
    const code = verificationCode(ID, NO, 1);
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), fc.constantFrom(...alphabet), (pos, ch) => {
        const mac = code.slice(-10);
        fc.pre(mac[pos] !== ch);
        const altered = `${code.slice(0, -10)}${mac.slice(0, pos)}${ch}${mac.slice(pos + 1)}`;
        const parsed = parseVerificationCode(altered);
        return parsed === null || !codeMatches(parsed, ID, NO, 1);
      }),
    );
  });

  it("is bound to the agreement: another id, another number or another secret does not match", () => {
    const parsed = parseVerificationCode(verificationCode(ID, NO, 1))!;
    expect(codeMatches(parsed, "3f2b8c1e-5d4a-4b7e-9c21-0a1b2c3d4e50", NO, 1)).toBe(false);
    expect(codeMatches({ ...parsed, agreementNo: "2027-000124" }, ID, "2027-000124", 1)).toBe(false);
    process.env.VERIFY_SECRET = "another-secret";
    expect(codeMatches(parsed, ID, NO, 1)).toBe(false);
  });

  it("is bound to the approval it was printed under: each 通过 has its own code, and the code tells which", () => {
    const first = parseVerificationCode(verificationCode(ID, NO, 1))!;
    const second = parseVerificationCode(verificationCode(ID, NO, 2))!;
    expect(second.mac).not.toBe(first.mac);
    expect(codeMatches(first, ID, NO, 2)).toBe(false);
    expect(approvalOfCode(first, ID, NO, 2)).toBe(1);
    expect(approvalOfCode(second, ID, NO, 2)).toBe(2);
    // a code of an approval the agreement has not had yet is not one of its codes
    expect(approvalOfCode(second, ID, NO, 1)).toBeNull();
    // approval 0: the code agreements approved before the binding always had (id and number alone)
    const legacy = parseVerificationCode(verificationCode(ID, NO, 0))!;
    expect(approvalOfCode(legacy, ID, NO, 0)).toBe(0);
    expect(approvalOfCode(legacy, ID, NO, 3)).toBe(0);
    expect(approvalOfCode({ ...first, mac: "0000000000" }, ID, NO, 5)).toBeNull();
  });

  it("falls back to a key derived from AUTH_SECRET, distinct from it", () => {
    delete process.env.VERIFY_SECRET;
    process.env.AUTH_SECRET = "auth-secret-for-test";
    const code = verificationCode(ID, NO, 1);
    expect(codeMatches(parseVerificationCode(code)!, ID, NO, 1)).toBe(true);
    process.env.VERIFY_SECRET = "auth-secret-for-test";
    expect(verificationCode(ID, NO, 1)).not.toBe(code);
  });

  it("rejects malformed input", () => {
    for (const raw of ["", "2027-000123", "2027-000123-SHORT", "abc", "2027-000123-ABCDEFGHJU", `${"9".repeat(30)}`]) {
      expect(parseVerificationCode(raw)).toBeNull();
    }
  });
});

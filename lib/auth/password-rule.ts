// The password rule every form shows and checks, in the browser and on the server (no
// server-only imports here: the registration and 修改密码 forms use it).
import { z } from "zod";

export const PASSWORD_RULE = "至少8位，须同时包含字母和数字，不能包含登录账号，不能是常见的弱密码";

// The weak passwords people pick first, which a guesser tries first (lower case, compared
// after removing separators).
const COMMON = new Set([
  "password", "password1", "password123", "passw0rd", "qwerty123", "qwertyuiop", "abc12345", "abcd1234", "a1234567",
  "aa123456", "a12345678", "1qaz2wsx", "1q2w3e4r", "q1w2e3r4", "asdf1234", "zxcv1234", "iloveyou1", "woaini1314",
  "admin123", "admin1234", "root1234", "test1234", "demo1234", "123456abc", "123456aa", "12345678a", "88888888a",
  "abc123456", "qq123456", "aa112233", "p@ssw0rd", "demo@2026",
]);

/** Why a new password is refused, or null. `username` is the account it is for. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if (password.length < 8) return "密码至少8位";
  if (password.length > 64) return "密码不能超过64位";
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return "密码须同时包含字母和数字";
  const lower = password.toLowerCase();
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && (lower.includes(name) || lower.includes(name.split("@")[0]!))) return "密码不能包含登录账号";
  if (COMMON.has(lower.replace(/[\s._-]/g, "")) || /^(.)\1+$/.test(lower)) return "密码过于简单，请换一个不易被猜到的密码";
  return null;
}

/** A new password as forms take it: the rule without the account name (checked by the service). */
export const passwordSchema = z
  .string({ error: "请设置密码" })
  .min(1, { error: "请设置密码" })
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });


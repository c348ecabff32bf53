// The zod pieces of plain text fields (names, phone numbers, e-mail, postal codes), shared by
// the forms (react-hook-form resolver) and the server actions. Every message is what the
// person filling the form reads, in zh-CN. Nothing here needs the reference tables or the
// ID-number check: the forms that ship to the browser import this, not ./common.
import { z } from "zod";
import { zhCN } from "zod/locales";

// What zod says by itself (a wrong type or shape: never what a form sends, but what a
// hand-made request can) is read by people too, so it speaks zh-CN as well.
z.config(zhCN()); // this one locale: z.locales would bring all of them to the browser

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
// 区号-号码[-分机], e.g. 0451-86412345, 010-12345678-123; and 400/800 service numbers.
export const LANDLINE_PATTERN = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;
export const SERVICE_NUMBER_PATTERN = /^[48]00-?\d{3}-?\d{4}$/;

// Newline (after CR/LF normalisation) is the only control character a text may keep: tabs,
// NUL, bidi overrides and the like break the printed agreement or hide content.
const FORBIDDEN_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Counts characters as people do: a rare 汉字 outside the BMP (𠮷) is one, not two. */
export function textLength(text: string): number {
  return Array.from(text).length;
}

function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, "\n").trim();
}

/** A required free-text field: trimmed, CRLF → LF, no control characters, at most `max` characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .transform(normalizeText)
    .pipe(
      z
        .string()
        .min(1, { error: `请填写${label}` })
        .refine((s) => textLength(s) <= max, { error: `${label}不能超过${max}个字` })
        .refine((s) => !FORBIDDEN_CONTROL.test(s), { error: `${label}含有不允许的控制字符` }),
    );
}

/** An optional free-text field: blank (or missing) becomes null, so saving clears the column. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}格式不正确` })
    .nullish()
    .transform((value) => {
      const text = normalizeText(value ?? "");
      return text === "" ? null : text;
    })
    .pipe(
      z
        .string()
        .refine((s) => textLength(s) <= max, { error: `${label}不能超过${max}个字` })
        .refine((s) => !FORBIDDEN_CONTROL.test(s), { error: `${label}含有不允许的控制字符` })
        .nullable(),
    );
}

export const trimmed = (message: string) =>
  z
    .string({ error: message })
    .transform((s) => s.replace(/\s+/g, ""));

export const mobileSchema = trimmed("请填写手机号").pipe(
  z.string().min(1, { error: "请填写手机号" }).regex(MOBILE_PATTERN, { error: "请输入正确的手机号" }),
);

export const phoneSchema = z
  .string({ error: "请填写联系电话" })
  .transform((s) => s.trim().replace(/[\s—–－]+/g, (m) => (/\s/.test(m) ? "" : "-")))
  .pipe(
    z
      .string()
      .min(1, { error: "请填写联系电话" })
      .refine((s) => MOBILE_PATTERN.test(s) || LANDLINE_PATTERN.test(s) || SERVICE_NUMBER_PATTERN.test(s), {
        error: "请输入正确的联系电话（手机号，或带区号的固定电话如 0451-86412345）",
      }),
  );

export const emailSchema = z
  .string({ error: "请填写电子邮箱" })
  .trim()
  .min(1, { error: "请填写电子邮箱" })
  .max(100, { error: "电子邮箱不能超过100个字符" })
  .pipe(z.email({ error: "请输入正确的电子邮箱" }));

export const postalCodeSchema = trimmed("请填写邮政编码").pipe(
  z.string().min(1, { error: "请填写邮政编码" }).regex(/^\d{6}$/, { error: "邮政编码应为6位数字" }),
);


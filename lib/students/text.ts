import { textLength } from "@/lib/validation/common";

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** Imported free text: not empty is checked elsewhere; here length and control characters. */
export function textOk(text: string, max: number): boolean {
  return textLength(text) <= max && !CONTROL.test(text);
}

export const EMAIL_PATTERN_LOOSE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

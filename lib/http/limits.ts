// How large a request body each endpoint accepts (bytes). The numbers live in limits.json so
// that next.config.js (server actions' bodySizeLimit) reads the very same values.
import limits from "./limits.json";

/** The largest spreadsheet a person may upload (生源信息导入 and every other upload). */
export const MAX_UPLOAD_BYTES: number = limits.uploadBytes;
/** What multipart/form-data adds around the file (boundaries, part headers, the mode field). */
export const UPLOAD_BODY_BYTES: number = limits.uploadBytes + limits.uploadOverheadBytes;
/** Every server action: forms of text, never files. */
export const SERVER_ACTION_BODY_BYTES: number = limits.serverActionBytes;
export const PRINT_BODY_BYTES: number = limits.printBytes;
export const AUTH_BODY_BYTES: number = limits.authBytes;
export const INNGEST_BODY_BYTES: number = limits.inngestBytes;
export const SMALL_JSON_BODY_BYTES: number = limits.smallJsonBytes;
/** An electronic seal (PNG), a 回传 scan or photo, a PDF to verify at /verify. */
export const SEAL_BYTES: number = limits.sealBytes;
export const SCAN_BYTES: number = limits.scanBytes;
export const VERIFY_BYTES: number = limits.verifyBytes;
/** 解约函 / 退函 (#14) */
export const LETTER_BYTES: number = limits.letterBytes;
/** The multipart body around one such file (boundaries, part headers, a field or two). */
export const multipartBodyBytes = (fileBytes: number): number => fileBytes + limits.uploadOverheadBytes;

/** 8388608 → "8 MB", for messages and the page. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

export const UPLOAD_LIMIT_TEXT = formatBytes(MAX_UPLOAD_BYTES);

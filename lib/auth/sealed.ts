// Secrets the server must hold for a short while and then hand out once (an import's
// initial passwords until its report is downloaded): AES-256-GCM with a key derived from
// AUTH_SECRET (HKDF), so a copy of the database alone does not reveal them.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

function key(purpose: string): Buffer {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET 未设置");
  return Buffer.from(hkdfSync("sha256", secret, "wangqian-sealed", purpose, 32));
}

export function seal(purpose: string, value: unknown): Uint8Array<ArrayBuffer> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, cipher.getAuthTag(), body]));
}

export function unseal<T>(purpose: string, sealed: Uint8Array): T {
  const buf = Buffer.from(sealed);
  const decipher = createDecipheriv("aes-256-gcm", key(purpose), buf.subarray(0, 12));
  decipher.setAuthTag(buf.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8")) as T;
}

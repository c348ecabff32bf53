// What a seal image must be: a real PNG (decoded, not just its name), with transparency
// (the form's lines show through it), square-ish, of a size that prints sharp at 40 mm
// and stays small. Every refusal is a zh-CN sentence for the person uploading.
import { SEAL_BYTES } from "@/lib/http/limits";
import { PNG } from "pngjs";
import { AppError } from "@/lib/errors";

export const MAX_SEAL_BYTES = SEAL_BYTES;
export const MIN_SEAL_PX = 200; // 40 mm at ~127 dpi
export const MAX_SEAL_PX = 2000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type CheckedSeal = { png: Uint8Array<ArrayBuffer>; width: number; height: number };

function refuse(message: string): never {
  throw new AppError("INVALID_INPUT", message, { seal: message });
}

export function checkSealPng(bytes: Uint8Array | null | undefined): CheckedSeal {
  if (!bytes || bytes.byteLength === 0) refuse("请选择印章图片（PNG 格式，透明背景）");
  if (bytes.byteLength > MAX_SEAL_BYTES) refuse(`印章图片不能超过 ${MAX_SEAL_BYTES / 1024} KB，请压缩后重新上传`);
  const png = Buffer.from(bytes);
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) refuse("印章图片须为 PNG 格式（透明背景），请不要上传 JPG 或改了扩展名的文件");
  let decoded: PNG;
  try {
    decoded = PNG.sync.read(png);
  } catch {
    refuse("无法读取该 PNG 图片，文件可能已损坏，请重新导出后上传");
  }
  const { width, height, data } = decoded;
  if (width < MIN_SEAL_PX || height < MIN_SEAL_PX) refuse(`印章图片至少 ${MIN_SEAL_PX}×${MIN_SEAL_PX} 像素（当前 ${width}×${height}），否则打印不清晰`);
  if (width > MAX_SEAL_PX || height > MAX_SEAL_PX) refuse(`印章图片不能超过 ${MAX_SEAL_PX}×${MAX_SEAL_PX} 像素（当前 ${width}×${height}）`);
  if (Math.max(width, height) / Math.min(width, height) > 1.25) refuse("印章图片应接近正方形（圆形印章居中），请裁剪后上传");
  // pngjs decodes to RGBA: count transparent and visible pixels
  let transparent = 0;
  let visible = 0;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] < 16) transparent++;
    else if (data[i] > 128) visible++;
  }
  const pixels = width * height;
  if (transparent < pixels * 0.05) refuse("印章图片须为透明背景（PNG 带透明通道），白色或彩色底的图片会遮住协议内容");
  if (visible < pixels * 0.01) refuse("印章图片几乎是空白的，请上传清晰的印章图片");
  return { png: new Uint8Array(png), width, height };
}

// Parameters of pages and route handlers (path ids, ?page=, ?year=, filters), checked before
// anything uses them. A page answers a malformed or unknown value with the zh-CN 404 page
// (notFound()), a route handler with a zh-CN 400: never a 500, never a query that a
// database refuses (page=1e20, year=99999999999, collegeId=abc). Absent and empty values
// are "not given"; a parameter given twice is malformed; unknown parameters are ignored.
import { notFound } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";

/** What Next.js gives a page as searchParams. */
export type SearchParams = Record<string, string | string[] | undefined>;
export type RawParams = SearchParams | URLSearchParams;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The largest page number a list accepts: far beyond any real list, far below what overflows. */
export const MAX_PAGE = 100_000;

// A schema made on every request costs more than checking with it (zod builds its checks
// when a schema is made: ~0.3 ms of a list page's CPU): each one of these is made once.
const textSchemas = new Map<number, z.ZodOptional<z.ZodString>>();
const enumSchemas = new Map<string, z.ZodType>();

/** The building blocks: each takes the URL's text (or undefined) and gives the typed value. */
export const param = {
  /** a record id (UUID), required */
  id: z.string().regex(UUID, "编号格式不正确"),
  /** an optional record id filter (?collegeId=…) */
  optionalId: z.string().regex(UUID, "编号格式不正确").optional(),
  /** ?page=N, 1…MAX_PAGE, default 1 */
  page: z
    .string()
    .regex(/^\d{1,6}$/, "页码不正确")
    .transform(Number)
    .pipe(z.number().int().min(1, "页码不正确").max(MAX_PAGE, "页码不正确"))
    .optional()
    .transform((v) => v ?? 1),
  /** a graduation year, 2000…2100 */
  year: z
    .string()
    .regex(/^\d{4}$/, "年份不正确")
    .transform(Number)
    .pipe(z.number().int().min(2000, "年份不正确").max(2100, "年份不正确"))
    .optional(),
  /** free search text of a list, at most `max` characters */
  text: (max = 100) => {
    let schema = textSchemas.get(max);
    if (!schema) textSchemas.set(max, (schema = z.string().max(max, `查询内容不能超过${max}个字`).optional()));
    return schema;
  },
  /** one of a list of values */
  oneOf: <const T extends readonly [string, ...string[]]>(values: T) => {
    const key = JSON.stringify(values);
    let schema = enumSchemas.get(key);
    if (!schema) enumSchemas.set(key, (schema = z.enum(values, "参数不正确").optional()));
    return schema as z.ZodOptional<z.ZodEnum<{ [K in T[number]]: K }>>;
  },
} as const;

export type ParamShape = Record<string, z.ZodType>;
export type ParsedParams<S extends ParamShape> = { [K in keyof S]: z.output<S[K]> };

function one(raw: RawParams, key: string): { value?: string; repeated: boolean } {
  if (raw instanceof URLSearchParams) {
    const all = raw.getAll(key);
    return { value: all[0] || undefined, repeated: all.length > 1 };
  }
  const v = raw[key];
  if (Array.isArray(v)) return { value: v[0] || undefined, repeated: v.length > 1 };
  return { value: v || undefined, repeated: false };
}

/** Checks the parameters of `shape`; the first problem is a zh-CN sentence. */
export function parseParams<S extends ParamShape>(raw: RawParams, shape: S): { ok: true; data: ParsedParams<S> } | { ok: false; message: string } {
  const data: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const { value, repeated } = one(raw, key);
    if (repeated) return { ok: false, message: `参数 ${key} 重复` };
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "参数不正确" };
    data[key] = parsed.data;
  }
  return { ok: true, data: data as ParsedParams<S> };
}

/** For pages: the checked parameters, or the zh-CN 404 page. */
export function pageParams<S extends ParamShape>(raw: RawParams, shape: S): ParsedParams<S> {
  const result = parseParams(raw, shape);
  if (!result.ok) notFound();
  return result.data;
}

/** For pages: a path id that is a well-formed id, or the zh-CN 404 page. */
export function pageId(id: string): string {
  if (!UUID.test(id)) notFound();
  return id;
}

/** For route handlers and services: the checked parameters, or AppError INVALID_INPUT (→ 400). */
export function routeParams<S extends ParamShape>(raw: RawParams, shape: S): ParsedParams<S> {
  const result = parseParams(raw, shape);
  if (!result.ok) throw new AppError("INVALID_INPUT", `请求参数不正确：${result.message}`);
  return result.data;
}

/** `.catch(notFoundOnAppError)` on a page's read: a record that is not there (AppError) is the 404 page. */
export function notFoundOnAppError(error: unknown): never {
  if (error instanceof AppError) notFound();
  throw error;
}

export function isId(value: string): boolean {
  return UUID.test(value);
}

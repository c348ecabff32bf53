// Shared plumbing of the code tables below: each table is a literal `as const` array, so
// its codes become a union type and a non-empty tuple that `z.enum` accepts directly.

export type CodeItem = { readonly code: string; readonly label: string };

/** The codes of a code table, as a non-empty tuple typed with the literal codes. */
export function codesOf<const T extends readonly [CodeItem, ...CodeItem[]]>(
  items: T,
): readonly [T[number]["code"], ...T[number]["code"][]] {
  return items.map((item) => item.code) as unknown as readonly [T[number]["code"], ...T[number]["code"][]];
}

/** A label lookup: known code → its label; anything else → undefined. */
export function labelLookup<const T extends readonly CodeItem[]>(items: T) {
  const labels = new Map<string, string>(items.map((item) => [item.code, item.label]));
  function labelOf(code: T[number]["code"]): string;
  function labelOf(code: string | null | undefined): string | undefined;
  function labelOf(code: string | null | undefined): string | undefined {
    return code == null ? undefined : labels.get(code);
  }
  return labelOf;
}

/** A type guard for the codes of a table (for data read from the database or a form). */
export function codeGuard<const T extends readonly CodeItem[]>(items: T) {
  const codes = new Set<string>(items.map((item) => item.code));
  return (value: unknown): value is T[number]["code"] => typeof value === "string" && codes.has(value);
}

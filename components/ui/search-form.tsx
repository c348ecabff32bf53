/** A GET search box for list pages: keeps the other filters as hidden fields. */
export function SearchForm({
  action,
  q,
  placeholder,
  hidden = {},
  children,
}: {
  action: string;
  q?: string;
  placeholder: string;
  hidden?: Record<string, string | undefined>;
  children?: React.ReactNode;
}) {
  return (
    <form role="search" action={action} className="flex flex-wrap gap-2">
      {Object.entries(hidden).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <label htmlFor="list-q" className="sr-only">
        {placeholder}
      </label>
      <input id="list-q" name="q" defaultValue={q} placeholder={placeholder} className="input min-w-0 flex-1" maxLength={40} />
      {children}
      <button type="submit" className="btn-primary">
        查询
      </button>
    </form>
  );
}

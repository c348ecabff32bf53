/** The 确认基本信息 block: label/value pairs of the graduate's 生源信息, read-only. */
export function SourceInfoFields({ fields }: { fields: readonly (readonly [string, string])[] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
      {fields.map(([label, value]) => (
        <div key={label} className="flex gap-3 border-b border-slate-100 pb-2">
          <dt className="w-24 shrink-0 text-sm text-slate-500">{label}</dt>
          <dd className="min-w-0 break-words text-sm font-medium">{value || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}

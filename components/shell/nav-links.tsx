"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav";

export function NavLinks({ items, badges }: { items: NavItem[]; badges: Partial<Record<string, number>> }) {
  const pathname = usePathname();
  // The longest matching prefix is the current page, so "/employer" is not lit on "/employer/pending".
  const current = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="主菜单" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex gap-1 whitespace-nowrap">
        {items.map((item) => {
          const badge = item.badgeKey ? badges[item.badgeKey] : undefined;
          const active = item.href === current;
          return (
            <li key={item.href}>
              <Link
                prefetch={false}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`inline-flex min-h-10 items-center gap-1 rounded-md px-3 py-2 text-sm ${
                  active ? "bg-white font-semibold text-brand-800" : "text-white hover:bg-brand-800"
                }`}
              >
                {item.label}
                {badge ? (
                  <span className="rounded-full bg-red-600 px-1.5 text-xs font-semibold text-white" aria-label={`${badge} 条待处理`}>
                    {badge > 99 ? "99+" : badge}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

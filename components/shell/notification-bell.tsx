// The bell in the title bar: the signed-in person's unread count, linking to /notifications.
// A server component; RoleLayout reads the count (with the menu's) and passes it to AppShell as `extra`.
import Link from "next/link";

export function NotificationBell({ unread }: { unread: number }) {
  const label = unread > 0 ? `消息通知（${unread} 条未读）` : "消息通知";
  return (
    <Link
      prefetch={false}
      href="/notifications"
      title={label}
      className="relative inline-flex h-10 w-10 items-center justify-center rounded-md hover:bg-brand-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {/* the accessible name is the content itself (axe: label-content-name-mismatch) */}
      <span className="sr-only">{label}</span>
      {unread > 0 ? (
        <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs leading-5 font-semibold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

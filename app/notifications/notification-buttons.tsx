"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "./actions";
import type { NotificationActionState } from "./schema";

function Submit({ className, children, pendingText }: { className: string; children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}

function Feedback({ state }: { state: NotificationActionState }) {
  if (state.error) return <p role="alert" className="field-error">{state.error}</p>;
  if (state.message) return <p role="status" className="mt-1 text-sm text-emerald-700">{state.message}</p>;
  return null;
}

/** 查看 (and, while unread, 标为已读) for one notification. */
export function NotificationButtons({ id, unread }: { id: string; unread: boolean }) {
  const [openState, open] = useActionState(openNotification, {});
  const [readState, read] = useActionState(markNotificationRead, {});
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-2">
        <form action={open}>
          <input type="hidden" name="id" value={id} />
          <Submit className="btn-primary" pendingText="正在打开…">
            查看
          </Submit>
        </form>
        {unread ? (
          <form action={read}>
            <input type="hidden" name="id" value={id} />
            <Submit className="btn-secondary" pendingText="正在处理…">
              标为已读
            </Submit>
          </form>
        ) : null}
      </div>
      <Feedback state={openState.error ? openState : readState} />
    </div>
  );
}

export function MarkAllReadButton() {
  const [state, action] = useActionState(markAllNotificationsRead, {});
  return (
    <form action={action}>
      <Submit className="btn-secondary" pendingText="正在处理…">
        全部标为已读
      </Submit>
      <Feedback state={state} />
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { markAllNotificationsRead, markNotificationRead, openNotification } from "./actions";
import type { ActionResult } from "@/lib/action-result";

function Submit({ className, children, pendingText }: { className: string; children: React.ReactNode; pendingText: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending}>
      {pending ? pendingText : children}
    </button>
  );
}

const IDLE: ActionResult<unknown> = { ok: true };

function Feedback({ state }: { state: ActionResult<unknown> }) {
  if (!state.ok) return <p role="alert" className="field-error">{state.fieldErrors?.id ?? state.error}</p>;
  if (state.message) return <p role="status" className="mt-1 text-sm text-emerald-700">{state.message}</p>;
  return null;
}

/** 查看 (and, while unread, 标为已读) for one notification. */
export function NotificationButtons({ id, unread }: { id: string; unread: boolean }) {
  const [openState, open] = useActionState(openNotification, IDLE);
  const [readState, read] = useActionState(markNotificationRead, IDLE);
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
      <Feedback state={openState.ok ? readState : openState} />
    </div>
  );
}

export function MarkAllReadButton() {
  const [state, action] = useActionState(markAllNotificationsRead, IDLE);
  return (
    <form action={action}>
      <Submit className="btn-secondary" pendingText="正在处理…">
        全部标为已读
      </Submit>
      <Feedback state={state} />
    </form>
  );
}

"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { EVERY_ROLE, signedInAction } from "@/lib/server-action";
import { notificationRefSchema } from "./schema";

// the buttons are forms of useActionState: (previous state, the form's data)
const fromForm = (_prev: ActionResult<unknown>, form: FormData) => ({ id: form instanceof FormData ? form.get("id") : undefined });

/** 查看: marks the notification read and goes where it points. */
export const openNotification = signedInAction(EVERY_ROLE, {
  schema: notificationRefSchema,
  input: fromForm,
  run: (actor, d) => markRead(actor.userId, d.id),
  revalidate: { path: "/", type: "layout" }, // the bell's count in every shell
  redirectTo: ({ link }) => link,
});

/** 标为已读 */
export const markNotificationRead = signedInAction(EVERY_ROLE, {
  schema: notificationRefSchema,
  input: fromForm,
  run: (actor, d) => markRead(actor.userId, d.id),
  message: "已标为已读",
  revalidate: { path: "/", type: "layout" },
});

/** 全部标为已读 */
export const markAllNotificationsRead = signedInAction(EVERY_ROLE, {
  schema: z.unknown(),
  input: fromForm, // the form has no fields of its own
  run: (actor) => markAllRead(actor.userId),
  message: ({ marked }) => (marked > 0 ? `已将 ${marked} 条消息标为已读` : "没有未读消息"),
  revalidate: { path: "/", type: "layout" },
});

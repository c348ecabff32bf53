"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/guard";
import { isAppError } from "@/lib/errors";
import { markAllRead, markRead } from "@/lib/notifications/inbox";
import { notificationRefSchema, type NotificationActionState } from "./schema";

const EVERY_ROLE = ["STUDENT", "EMPLOYER", "COUNSELOR", "OFFICE"] as const;

/** 查看: marks the notification read and goes where it points. */
export async function openNotification(_prev: NotificationActionState, formData: FormData): Promise<NotificationActionState> {
  const parsed = notificationRefSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "消息编号无效" };
  let link: string;
  try {
    const actor = await requireActor(...EVERY_ROLE);
    ({ link } = await markRead(actor.userId, parsed.data.id));
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath("/", "layout"); // the bell's count in every shell
  redirect(link);
}

/** 标为已读 */
export async function markNotificationRead(_prev: NotificationActionState, formData: FormData): Promise<NotificationActionState> {
  const parsed = notificationRefSchema.safeParse({ id: formData.get("id") });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "消息编号无效" };
  try {
    const actor = await requireActor(...EVERY_ROLE);
    await markRead(actor.userId, parsed.data.id);
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
  revalidatePath("/", "layout");
  return { message: "已标为已读" };
}

/** 全部标为已读 */
export async function markAllNotificationsRead(_prev: NotificationActionState, _formData: FormData): Promise<NotificationActionState> {
  void _formData;
  try {
    const actor = await requireActor(...EVERY_ROLE);
    const { marked } = await markAllRead(actor.userId);
    revalidatePath("/", "layout");
    return { message: marked > 0 ? `已将 ${marked} 条消息标为已读` : "没有未读消息" };
  } catch (error) {
    if (isAppError(error)) return { error: error.message };
    throw error;
  }
}

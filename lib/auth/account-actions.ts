"use server";
// The server actions of a person's own account, used by the 修改密码 page and by the step-up
// dialog of the app shell (both in every role's area, hence here and not under one app/ area).
import { AuthError } from "next-auth";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { serverAction } from "@/lib/server-action";
import { changeOwnPassword, reauthenticate } from "./account";
import { signIn } from "./auth";
import { currentSession } from "./guard";
import { landingPathFor } from "./login";
import { currentRequestContext } from "./request-context";
import { SSO_PROVIDER_ID, isSsoEnabled } from "./sso";

const changeSchema = z
  .object({
    currentPassword: z.string().max(200, { error: "密码过长" }).optional(),
    newPassword: z.string({ error: "请输入新密码" }).min(1, { error: "请输入新密码" }).max(200, { error: "密码过长" }),
    confirmPassword: z.string({ error: "请再次输入新密码" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { error: "两次输入的新密码不一致", path: ["confirmPassword"] });

/**
 * 修改密码: every session of the account ends (other browsers, and a cookie copied from this
 * one), then this browser is signed in again with the new password.
 */
export const changePasswordAction = serverAction({
  roles: "self",
  schema: changeSchema,
  run: async (actor, d) => {
    const session = await currentSession();
    if (!actor || !session) throw new AppError("UNAUTHENTICATED");
    const { username } = await changeOwnPassword(actor, session, d, await currentRequestContext());
    try {
      await signIn("credentials", { username, password: d.newPassword, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return { next: "/login", signedIn: false };
    }
    return { next: landingPathFor(actor.role), signedIn: true };
  },
  message: ({ signedIn }) => (signedIn ? "密码已修改，其他设备上的登录已全部退出" : "密码已修改，请使用新密码重新登录"),
});

const reauthSchema = z.object({ password: z.string({ error: "请输入密码" }).min(1, { error: "请输入密码" }).max(200, { error: "密码过长" }) });

/** Step-up: the password again; signing acts are open for the next 10 minutes. */
export const reauthenticateAction = serverAction({
  roles: "self",
  schema: reauthSchema,
  run: async (actor, d) => {
    await reauthenticate(actor!, d.password, await currentRequestContext());
  },
  message: "身份已确认",
});

const returnToSchema = z
  .string()
  .max(300)
  .catch("/")
  .transform((t) => (t.startsWith("/") && !t.startsWith("//") ? t : "/"));

/** Step-up for an SSO session: a fresh round trip to the provider (it asks for the login again), back to `returnTo`. */
export const ssoReauthAction = serverAction({
  roles: "self",
  schema: returnToSchema,
  run: async (_actor, returnTo) => {
    if (!isSsoEnabled()) throw new AppError("INVALID_STATE", "未启用统一身份认证");
    return (await signIn(SSO_PROVIDER_ID, { redirectTo: returnTo, redirect: false }, { prompt: "login", max_age: "0" })) as string;
  },
  redirectTo: (url) => url,
});

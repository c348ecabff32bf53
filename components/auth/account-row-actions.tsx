"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { InitialPasswordNotice } from "./initial-password";

type Reset = (input: { userId: string }) => Promise<ActionResult<{ username: string; initialPassword: string }>>;
type SetActive = (input: { userId: string; active: boolean }) => Promise<ActionResult<unknown>>;

/** 停用/启用 and 重置密码 of one account (the office for anyone, a unit's administrator for its staff). */
export function AccountRowActions({ userId, active, reset, setActive }: { userId: string; active: boolean; reset: Reset; setActive: SetActive }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [issued, setIssued] = useState<{ username: string; initialPassword: string }>();

  const toggle = () =>
    startTransition(async () => {
      if (active && !window.confirm("停用后该账号立即退出所有登录，且不能再登录。确定停用吗？")) return;
      const r = await setActive({ userId, active: !active });
      setMessage({ ok: r.ok, text: r.ok ? (r.message ?? "已更新") : r.error });
      if (r.ok) router.refresh();
    });
  const doReset = () =>
    startTransition(async () => {
      if (!window.confirm("重置后原密码立即失效、该账号退出所有登录，并生成新的初始密码。确定重置吗？")) return;
      const r = await reset({ userId });
      if (r.ok && r.data) {
        setIssued(r.data);
        setMessage(undefined);
        router.refresh();
      } else if (!r.ok) setMessage({ ok: false, text: r.error });
    });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-secondary" disabled={pending} onClick={toggle}>
          {active ? "停用" : "启用"}
        </button>
        <button type="button" className="btn-secondary" disabled={pending} onClick={doReset}>
          重置密码
        </button>
      </div>
      {issued && <InitialPasswordNotice username={issued.username} password={issued.initialPassword} />}
      {message && (
        <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}

"use client";
// Step-up before a signing act: when the server answers REAUTH_REQUIRED (the person has
// not proved who they are in the last 10 minutes), a dialog asks for the password again —
// or, in an SSO session, sends the person through 统一身份认证 once more — and the act is
// retried. One provider in the app shell; forms call useStepUp().
import { usePathname } from "next/navigation";
import { createContext, useCallback, useContext, useId, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { reauthenticateAction, ssoReauthAction } from "@/lib/auth/account-actions";

type Ask = (message: string) => Promise<boolean>;
const StepUpContext = createContext<Ask | null>(null);

export function StepUpProvider({ method, children }: { method: "PASSWORD" | "SSO" | null; children: React.ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const id = useId();
  const pathname = usePathname();
  const [message, setMessage] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const finish = (ok: boolean) => {
    dialog.current?.close();
    setPassword("");
    resolver.current?.(ok);
    resolver.current = null;
  };

  const ask = useCallback<Ask>((text) => {
    setMessage(text);
    setError(undefined);
    dialog.current?.showModal();
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const submit = () =>
    startTransition(async () => {
      setError(undefined);
      const r = await reauthenticateAction({ password });
      if (r.ok) finish(true);
      else setError(r.fieldErrors?.password ?? r.error);
    });

  return (
    <StepUpContext.Provider value={ask}>
      {children}
      <dialog
        ref={dialog}
        id="step-up-dialog"
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg p-0 backdrop:bg-black/40"
        aria-labelledby={`${id}-title`}
        onCancel={() => finish(false)}
      >
        <div className="space-y-3 p-4">
          <h2 id={`${id}-title`} className="text-base font-semibold">
            确认本人操作
          </h2>
          <p className="text-sm text-slate-700">{message}</p>
          {method === "SSO" ? (
            <div className="flex justify-end gap-2">
              <button type="button" className="btn-secondary" onClick={() => finish(false)}>
                取消
              </button>
              <button
                type="button"
                className="btn-primary"
                disabled={pending}
                onClick={() => {
                  // the waiting act gives up first (its transition would hold the navigation back), then off to the provider
                  finish(false);
                  startTransition(async () => {
                    await ssoReauthAction(pathname);
                  });
                }}
              >
                通过统一身份认证验证
              </button>
            </div>
          ) : (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                e.stopPropagation();
                submit();
              }}
            >
              <label htmlFor={`${id}-password`} className="label">
                登录密码
              </label>
              <input
                id={`${id}-password`}
                name="step-up-password"
                type="password"
                autoComplete="current-password"
                className="input"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
              {error && (
                <p role="alert" className="field-error">
                  {error}
                </p>
              )}
              <div className="flex justify-end gap-2">
                <button type="button" className="btn-secondary" onClick={() => finish(false)}>
                  取消
                </button>
                <button type="submit" className="btn-primary" disabled={pending || !password}>
                  {pending ? "验证中…" : "确认并继续"}
                </button>
              </div>
            </form>
          )}
        </div>
      </dialog>
    </StepUpContext.Provider>
  );
}

/** Wraps a server-action call: on REAUTH_REQUIRED asks the person to prove who they are, then calls again. */
export function useStepUp() {
  const ask = useContext(StepUpContext);
  return useCallback(
    async <T,>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> => {
      const first = await call();
      if (first.ok || first.code !== "REAUTH_REQUIRED" || !ask) return first;
      return (await ask(first.error)) ? call() : first;
    },
    [ask],
  );
}

"use client";

import { useEffect, useRef } from "react";

/** 签约须知 / 违约说明, shown when the student enters 我的签约 (once per browser session). */
export function NoticeDialog({ signingNotice, breachNotice }: { signingNotice: string; breachNotice: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (sessionStorage.getItem("wq-notice-read") !== "1") dialog.current?.showModal();
  }, []);
  const close = () => {
    sessionStorage.setItem("wq-notice-read", "1");
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => dialog.current?.showModal()}>
        查看签约须知与违约说明
      </button>
      <dialog ref={dialog} aria-labelledby="notice-title" className="m-auto w-[min(44rem,calc(100vw-1rem))] rounded-lg p-0 backdrop:bg-black/40">
        <div className="max-h-[80vh] space-y-4 overflow-y-auto p-4 sm:p-6">
          <h2 id="notice-title" className="text-lg font-bold">
            签约须知
          </h2>
          <div className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{signingNotice}</div>
          <h2 className="text-lg font-bold">违约说明</h2>
          <div className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{breachNotice}</div>
          <div className="flex justify-end">
            <button type="button" className="btn-primary" onClick={close}>
              我已阅读并知晓
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

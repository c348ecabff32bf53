"use client";

import { useEffect, useRef } from "react";

/** Read in this browser session (the tab): the dialog no longer opens by itself. */
const READ_KEY = "wq-notice-read";

export type NoticeSection = { title: string; text: string };

/**
 * 签约须知 (and 违约说明), shown by itself on the first entry of a browser session: the
 * student's 我的签约, the unit's 待签约信息. That first time only 我已阅读并知晓 closes it
 * (no Esc, no click beside it); opened again with the link, Esc or a click beside it closes it.
 */
export function NoticeDialog({ sections, openLabel }: { sections: NoticeSection[]; openLabel: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // closedby: the browser's own rule for Esc and clicks beside the dialog; the handlers
  // below keep the first reading open in a browser that does not know the attribute
  const mustAcknowledge = () => sessionStorage.getItem(READ_KEY) !== "1";
  useEffect(() => {
    if (!mustAcknowledge()) return;
    dialog.current?.setAttribute("closedby", "none");
    dialog.current?.showModal();
  }, []);
  const acknowledge = () => {
    sessionStorage.setItem(READ_KEY, "1");
    dialog.current?.setAttribute("closedby", "any");
    dialog.current?.close();
  };
  return (
    <>
      <button type="button" className="text-sm text-brand-700 underline" onClick={() => dialog.current?.showModal()}>
        {openLabel}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="notice-title-0"
        onCancel={(e) => {
          if (mustAcknowledge()) e.preventDefault();
        }}
        onClose={() => {
          if (mustAcknowledge()) dialog.current?.showModal();
        }}
        onClick={(e) => {
          if (!mustAcknowledge() && e.target === dialog.current) dialog.current.close(); // the backdrop
        }}
        className="m-auto w-[min(44rem,calc(100vw-1rem))] rounded-lg p-0 backdrop:bg-black/40"
      >
        <div className="max-h-[80vh] space-y-4 overflow-y-auto p-4 sm:p-6">
          {sections.map((s, i) => (
            <div key={s.title} className="space-y-2">
              <h2 id={`notice-title-${i}`} className="text-lg font-bold">
                {s.title}
              </h2>
              <div className="whitespace-pre-line text-sm leading-relaxed text-slate-700">{s.text}</div>
            </div>
          ))}
          <div className="flex justify-end">
            <button type="button" className="btn-primary" onClick={acknowledge}>
              我已阅读并知晓
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}

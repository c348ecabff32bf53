"use client";

import { useState } from "react";
import { ActionResultMessage, useSaveAction } from "@/components/units/use-action-form";
import { savePaperFormAction, setSigningModeAction } from "../actions";

/** 签约方式 of one 届: 电子协议 or 纸质打印盖章. */
export function SigningModeForm({ graduationYear, signingMode, graduates }: { graduationYear: number; signingMode: "PAPER" | "ELECTRONIC"; graduates: number }) {
  const [mode, setMode] = useState(signingMode);
  const { result, pending, run } = useSaveAction(setSigningModeAction);
  const save = () => run({ graduationYear, signingMode: mode });
  const id = `mode-${graduationYear}`;
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 py-2 text-sm">
      <label htmlFor={id} className="w-40 font-medium">
        {graduationYear} 届（{graduates} 名毕业生）
      </label>
      <select id={id} className="input w-auto" value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
        <option value="PAPER">纸质打印盖章</option>
        <option value="ELECTRONIC">电子协议</option>
      </select>
      <button type="button" className="btn-secondary" onClick={save} disabled={pending || mode === signingMode}>
        {pending ? "保存中…" : "保存"}
      </button>
      <div className="basis-full">
        <ActionResultMessage result={result} />
      </div>
    </div>
  );
}

export function PaperFormForm({ defaults }: { defaults: { showReportTitle: boolean; requireScanForFiling: boolean } }) {
  const [values, setValues] = useState(defaults);
  const { result, pending, run } = useSaveAction(savePaperFormAction);
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    run(values);
  };
  return (
    <form onSubmit={save} className="space-y-3 text-sm">
      <ActionResultMessage result={result} />
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={values.requireScanForFiling} onChange={(e) => setValues({ ...values, requireScanForFiling: e.target.checked })} />
        <span>纸质协议备案前，须由毕业生上传盖章后的协议书扫描件或照片（回传）</span>
      </label>
      <label className="flex items-start gap-2">
        <input type="checkbox" className="mt-1" checked={values.showReportTitle} onChange={(e) => setValues({ ...values, showReportTitle: e.target.checked })} />
        <span>协议书上保留“就业报到证抬头”一栏（就业报到证已于 2023 年取消，一般不保留）</span>
      </label>
      <button className="btn-primary" disabled={pending}>
        {pending ? "保存中…" : "保存"}
      </button>
    </form>
  );
}

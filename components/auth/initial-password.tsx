"use client";

/** A random initial password, shown once to whoever created or reset the account. */
export function InitialPasswordNotice({ username, password }: { username: string; password: string }) {
  return (
    <div role="status" className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <p>
        账号 <span className="break-all font-medium">{username}</span> 的初始密码：
        <code className="initial-password ml-1 select-all rounded bg-white px-1.5 py-0.5 font-mono text-base tracking-wider">{password}</code>
      </p>
      <p>初始密码只显示这一次，请当面或通过可靠渠道告知本人；本人首次登录后须修改密码。</p>
    </div>
  );
}

// What the login page says. One message for a wrong password, an unknown account and a
// disabled one: the page tells nobody which names exist.
export const LOGIN_FAILED = "账号或密码错误";
export const LOGIN_THROTTLED = "登录尝试过于频繁，请 15 分钟后再试";

/** next-auth's error codes in the login page's query (?error=…) → what the person reads. */
export function loginErrorText(error: string | undefined, code: string | undefined): string | undefined {
  if (!error) return undefined;
  if (error === "CredentialsSignin") return code === "throttled" ? LOGIN_THROTTLED : LOGIN_FAILED;
  if (error === "AccessDenied") return "统一身份认证未通过，请重试";
  return "统一身份认证登录未能完成（登录请求已失效或被篡改），请重新点击“统一身份认证登录”";
}

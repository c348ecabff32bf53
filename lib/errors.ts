// Typed domain errors: services throw AppError with a code; the edges (server actions,
// route handlers) show `message`, which is always a complete zh-CN sentence.
export const ERROR_CODES = {
  UNAUTHENTICATED: "请先登录",
  FORBIDDEN: "无权访问",
  NOT_FOUND: "未找到相关记录",
  INVALID_INPUT: "提交的信息有误，请检查后重试",
  CONFLICT: "该协议已被他人更新，请刷新后重试",
  INVALID_STATE: "当前状态下不能进行该操作",
  GUARD_FAILED: "不满足办理条件",
  THROTTLED: "操作过于频繁，请稍后再试",
  PASSWORD_CHANGE_REQUIRED: "请先修改初始密码后再继续办理",
  REAUTH_REQUIRED: "为确认是您本人操作，请重新输入登录密码后再签约",
  UNAVAILABLE: "服务暂时不可用，请稍后重试",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** field → message, for errors that belong next to a form field */
  readonly fieldErrors?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fieldErrors?: Record<string, string>) {
    super(message ?? ERROR_CODES[code]);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

import { z } from "zod";

export const loginSchema = z.object(
  {
    username: z.string({ error: "请输入学号或账号" }).trim().min(1, "请输入学号或账号").max(100, "账号过长"),
    password: z.string({ error: "请输入密码" }).min(1, "请输入密码").max(200, "密码过长"),
  },
  { error: "请输入学号或账号和密码" },
);

export type LoginInput = z.infer<typeof loginSchema>;

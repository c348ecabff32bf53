import { z } from "zod";

/** Which notification a button acts on. */
export const notificationRefSchema = z.object({
  id: z.string({ error: "消息编号无效" }).uuid({ error: "消息编号无效" }),
});

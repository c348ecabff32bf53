import { z } from "zod";
import { optionalText } from "@/lib/validation/common";

/** 打印 (POST): the reason is required for a reprint, which the service decides. */
export const printRequestSchema = z.object({ reason: optionalText("重新打印原因", 200) });

export type PrintRequestInput = z.input<typeof printRequestSchema>;

// The 生源信息 server actions, shared by the office and counselor areas: each area's
// "use server" file builds them (lib/server-action.ts) with its own role and page.
import { z } from "zod";
import { signedInAction } from "@/lib/server-action";
import { importStudents } from "./import";
import { approveSources, returnSource, sourceApproveSchema, sourceReturnSchema } from "./review";

export const MAX_IMPORT_BYTES = 8 * 1024 * 1024;

const importSchema = z.object({
  file: z
    .instanceof(File, { error: "请选择要导入的 .xlsx 文件" })
    .refine((f) => f.size > 0, { error: "请选择要导入的 .xlsx 文件" })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { error: "文件不能超过 8 MB，请分批导入" }),
  mode: z.enum(["strict", "goodRowsOnly"]).catch("strict"),
});

type Area = { role: "OFFICE" | "COUNSELOR"; path: string };

export const importStudentsActionFor = ({ role, path }: Area) =>
  signedInAction([role], {
    schema: importSchema,
    input: (form: FormData) => ({ file: form.get("file"), mode: form.get("mode") }),
    run: async (actor, d) => importStudents(actor, await d.file.arrayBuffer(), d.mode),
    revalidate: { path },
  });

export const approveSourcesActionFor = ({ role, path }: Area) =>
  signedInAction([role], {
    schema: sourceApproveSchema,
    run: (actor, d) => approveSources(actor, d.studentIds),
    message: (outcomes) => {
      const ok = outcomes.filter((o) => o.ok).length;
      return `审核通过 ${ok} 名${outcomes.length > ok ? `，${outcomes.length - ok} 名未能通过` : ""}`;
    },
    revalidate: { path },
  });

export const returnSourceActionFor = ({ role, path }: Area) =>
  signedInAction([role], {
    schema: sourceReturnSchema,
    run: async (actor, d) => {
      await returnSource(actor, d.studentId, d.reason);
    },
    message: "已退回",
    revalidate: { path },
  });

// The 生源信息 review server actions, shared by the office and counselor areas (the import
// is a route handler and a job: app/api/imports, lib/imports/jobs.ts): each area's
// "use server" file builds them (lib/server-action.ts) with its own role and page.
import { signedInAction } from "@/lib/server-action";
import { approveSources, returnSource, sourceApproveSchema, sourceReturnSchema } from "./review";

type Area = { role: "OFFICE" | "COUNSELOR"; path: string };

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

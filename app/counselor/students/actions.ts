"use server";

import { approveSourcesActionFor, returnSourceActionFor } from "@/lib/students/actions-shared";

// (the import is not an action: app/api/imports takes the file and runs it as a job)
const AREA = { role: "COUNSELOR", path: "/counselor/students" } as const;

export const approveSourcesAction = approveSourcesActionFor(AREA);
export const returnSourceAction = returnSourceActionFor(AREA);

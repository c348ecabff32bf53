"use server";

import { approveSourcesActionFor, importStudentsActionFor, returnSourceActionFor } from "@/lib/students/actions-shared";

const AREA = { role: "OFFICE", path: "/office/students" } as const;

export const importStudentsAction = importStudentsActionFor(AREA);
export const approveSourcesAction = approveSourcesActionFor(AREA);
export const returnSourceAction = returnSourceActionFor(AREA);

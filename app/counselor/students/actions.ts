"use server";

import { revalidatePath } from "next/cache";
import { runApprove, runImport, runReturn } from "@/lib/students/actions-shared";

export async function importStudentsAction(form: FormData) {
  const result = await runImport("COUNSELOR", form);
  revalidatePath("/counselor/students");
  return result;
}

export async function approveSourcesAction(input: unknown) {
  const result = await runApprove("COUNSELOR", input);
  revalidatePath("/counselor/students");
  return result;
}

export async function returnSourceAction(input: unknown) {
  const result = await runReturn("COUNSELOR", input);
  revalidatePath("/counselor/students");
  return result;
}

"use server";

import { revalidatePath } from "next/cache";
import { runApprove, runImport, runReturn } from "@/lib/students/actions-shared";

export async function importStudentsAction(form: FormData) {
  const result = await runImport("OFFICE", form);
  revalidatePath("/office/students");
  return result;
}

export async function approveSourcesAction(input: unknown) {
  const result = await runApprove("OFFICE", input);
  revalidatePath("/office/students");
  return result;
}

export async function returnSourceAction(input: unknown) {
  const result = await runReturn("OFFICE", input);
  revalidatePath("/office/students");
  return result;
}

"use client";

// An error of ours while rendering a page outside the role areas (theirs have their own
// error.tsx inside the shell).
export { SegmentError as default } from "@/components/shell/error-boundary";
